using System.Diagnostics;
using System.Net.Sockets;
using CspFunctions.LocalHost;

namespace CspFunctions.Bench;

/// <summary>
/// Cold start to the first answered request, the app against an empty isolated-worker app with the same packages, in the same
/// run. Core Tools (the Functions host) cannot run here, so each side is its own fresh `dotnet` process serving HTTP the way the
/// local host does, and the time is from Process.Start to the first 200 on GET /api/health: the app's is the real local host
/// (configuration and its validation, DI, functions.metadata, the key check and the access gate, the storage probe against
/// Azurite); the baseline's is bench/CspFunctions.EmptyApp (same package references, one function that answers at once).
/// Runs alternate, after one warm-up of each (OS file cache, Azurite tables), and the medians are compared. Target: 1.3x.
/// </summary>
public sealed class StartupBench : IBenchProgram
{
    public string Name => "startup";
    public string Description => "cold start to the first answered request: app vs empty isolated-worker app (target <= 1.3x); [runs=5]";

    public async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5;
        var root = RepoPaths.FindRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var app = Path.Combine(root, "src", "CspFunctions.LocalHost", "bin", configuration, "net10.0", "CspFunctions.LocalHost.dll");
        var empty = Path.Combine(root, "bench", "CspFunctions.EmptyApp", "bin", configuration, "net10.0", "CspFunctions.EmptyApp.dll");
        foreach (var dll in new[] { app, empty })
            if (!File.Exists(dll)) { Console.Error.WriteLine($"{dll} is missing: dotnet build -c {configuration} first."); return 2; }
        if (!Azurite.Ports.All(Azurite.IsListening)) { Console.Error.WriteLine("Azurite must be listening on 10000-10002."); return 2; }

        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var appTimes = new List<double>();
        var emptyTimes = new List<double>();
        for (var i = -1; i < runs; i++)
        {
            // The first pass warms both (and loads the sample into the app's tables once, so no run includes the import).
            var a = await TimeToFirstAnswerAsync(app, port => ["--no-timers", "--urls", $"http://127.0.0.1:{port}", "--function-key", "bench"], prefix);
            var e = await TimeToFirstAnswerAsync(empty, port => ["--urls", $"http://127.0.0.1:{port}"], prefix);
            if (i < 0) continue;
            appTimes.Add(a);
            emptyTimes.Add(e);
        }
        var appMedian = Median(appTimes);
        var emptyMedian = Median(emptyTimes);
        var ratio = appMedian / emptyMedian;
        Console.WriteLine($"start-up to first answered request, median of {runs} (same run, alternating):");
        Console.WriteLine($"  empty isolated-worker app: {emptyMedian,7:F0} ms   [{string.Join(", ", emptyTimes.Select(t => t.ToString("F0")))}]");
        Console.WriteLine($"  CspFunctions (local host): {appMedian,7:F0} ms   [{string.Join(", ", appTimes.Select(t => t.ToString("F0")))}]");
        Console.WriteLine($"  ratio: {ratio:F2}x (target <= 1.30x) {(ratio <= 1.3 ? "MET" : "NOT MET")}");
        return ratio <= 1.3 ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<double> TimeToFirstAnswerAsync(string dll, Func<int, string[]> arguments, string prefix)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in arguments(port)) start.ArgumentList.Add(a);
        start.Environment["Csp__TablePrefix"] = prefix;
        start.Environment["Csp__Outbox__Path"] = Path.Combine(Path.GetTempPath(), prefix + "-outbox");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} before answering.");
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
                    if (response.IsSuccessStatusCode) return clock.Elapsed.TotalMilliseconds;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(5);
            }
            throw new TimeoutException($"{Path.GetFileName(dll)} did not answer within 60 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
