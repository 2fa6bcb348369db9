using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using CspFunctions.LocalHost;

namespace CspFunctions.Bench;

/// <summary>
/// Cold start to the first answered request (a lead clicking a link on a Flex Consumption app that has scaled to zero):
/// the app against an empty isolated-worker app with the same packages, in the same run. Core Tools (the Functions host)
/// cannot run here, so each side is a fresh `dotnet` process serving HTTP the way the local host does, and the time is
/// from Process.Start to the first 200 on GET /api/health. The app's side is the real local host: configuration and its
/// validation, DI, functions.metadata, the key check and the access gate, the sign-in emulation, request tracing, the
/// local host's own start-up checks of storage, and the health function's probes of Azurite. The baseline is
/// bench/CspFunctions.EmptyApp: the same package references, one function that answers at once, served by a bare
/// Kestrel route. Runs alternate (and alternate which goes first), after one warm-up of each, and medians are compared.
/// </summary>
public sealed class StartupBench : IBenchProgram
{
    private const double Target = 1.3;

    public string Name => "startup";
    public string Description => "cold start to the first answered request: the app on the local host vs an empty isolated-worker app (target <= 1.3x); [runs=9]";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var runs = options.Int(0, full: 9, smoke: 1);
        var root = RepoPaths.FindRoot();
        var configuration = typeof(StartupBench).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var app = Path.Combine(root, "src", "CspFunctions.LocalHost", "bin", configuration, "net10.0", "CspFunctions.LocalHost.dll");
        var empty = Path.Combine(root, "bench", "CspFunctions.EmptyApp", "bin", configuration, "net10.0", "CspFunctions.EmptyApp.dll");
        foreach (var dll in new[] { app, empty })
            if (!File.Exists(dll)) { Console.Error.WriteLine($"{dll} is missing: dotnet build -c {configuration} bench/CspFunctions.Bench first."); return 2; }
        await using var azurite = await Azurite.EnsureRunningAsync(root, Path.Combine(root, ".azurite"), Console.WriteLine);

        // Its own tables, so the runs neither read nor disturb anyone's data; the first app start loads the sample plan
        // into them (the local host does so when storage is empty), which is why the warm-up is not counted.
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var outbox = Path.Combine(Path.GetTempPath(), prefix + "-outbox");
        var appSide = new Side("CspFunctions (local host)", app, port => ["--no-timers", "--urls", $"http://127.0.0.1:{port}", "--function-key", "bench"]);
        var emptySide = new Side("empty isolated-worker app", empty, port => ["--urls", $"http://127.0.0.1:{port}"]);
        var report = new BenchReport(Name, "Cold start to the first answered request", "dotnet run -c Release --project bench/CspFunctions.Bench -- startup");
        try
        {
            var warmUps = options.Smoke ? 0 : 1;
            for (var i = 0; i < warmUps + runs; i++)
            {
                var order = i % 2 == 0 ? new[] { appSide, emptySide } : [emptySide, appSide];
                foreach (var side in order)
                {
                    var start = await TimeToFirstAnswerAsync(side, prefix, outbox);
                    if (i >= warmUps) side.Add(start.FirstAnswer, start.Listening);
                }
            }
        }
        finally
        {
            if (Directory.Exists(outbox)) Directory.Delete(outbox, recursive: true);
        }

        report.Check($"the app answered GET /api/health with 200 from its own Health function in each of its {appSide.Times.Count} starts",
            appSide.Times.Count == runs && appSide.AllServedBy("Health"));
        report.Check($"the empty app answered GET /api/health with 200 in each of its {emptySide.Times.Count} starts", emptySide.Times.Count == runs);
        report.Figure($"start-up to the first 200, median of {runs}", Median(appSide.Times), Median(emptySide.Times), "ms", Target);
        report.Figure($"start-up to the first 200, fastest of {runs}", appSide.Times.Min(), emptySide.Times.Min(), "ms");
        if (appSide.Listening.Count == runs && emptySide.Listening.Count == runs)
        {
            // Where the time goes: until Kestrel says it is listening (process, settings, DI, the local host's own
            // start-up), then from there to the first 200 (the first request: routing, gate, the function and its probes).
            report.Figure($"start-up to listening, median of {runs}", Median(appSide.Listening), Median(emptySide.Listening), "ms");
            report.Figure($"listening to the first 200, median of {runs}", Median(appSide.Times.Zip(appSide.Listening, (t, l) => t - l).ToList()),
                Median(emptySide.Times.Zip(emptySide.Listening, (t, l) => t - l).ToList()), "ms");
        }
        report.Note($"Each start (ms), in run order: app [{string.Join(", ", appSide.Times.Select(t => t.ToString("F0")))}], " +
                    $"empty app [{string.Join(", ", emptySide.Times.Select(t => t.ToString("F0")))}].");
        report.Note("""
            What is measured: a fresh `dotnet` process per start, timed from Process.Start until GET /api/health first answers 200
            (polled every 10 ms). The Functions host (Core Tools) cannot run on this machine, so neither side runs under it; in
            Azure the host's own start comes on top of both sides alike.

            The app's side is the real local host (`CspFunctions.LocalHost --no-timers`), the process that serves this app here:
            settings and their validation, the app's DI registrations (`AddCspFunctions`), functions.metadata, the function-key
            check, the access gate, the sign-in emulation, request tracing, the local host's start-up look at storage (is there
            a plan, is the demo round there) and the health function's probes of tables, blobs and queues on Azurite. The local
            host calls the functions in its own process, as the worker does in Azure, so this is the app's start-up work.

            The baseline is `bench/CspFunctions.EmptyApp`: an isolated-worker project with exactly the app's package references
            and one function that answers at once, served in the same way (a Kestrel route that calls the function and executes
            its action result) with nothing else registered. So the ratio charges the app with everything the local host adds
            on top of a bare route as well (tracing, sign-in emulation, key check, the local host's storage look-ups): a
            conservative figure for the app's own cost.

            One warm-up start of each is not counted (OS file cache; the first app start loads the sample plan into this run's
            own tables). The runs alternate, and alternate which side goes first.
            """);
        return await report.FinishAsync(options);
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

    /// <returns>Milliseconds from Process.Start to the first 200, and to Kestrel's "Now listening on" line (null if it printed none).</returns>
    private static async Task<(double FirstAnswer, double? Listening)> TimeToFirstAnswerAsync(Side side, string prefix, string outbox)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(side.Dll);
        foreach (var a in side.Arguments(port)) start.ArgumentList.Add(a);
        start.Environment["Csp__TablePrefix"] = prefix;
        start.Environment["Csp__Outbox__Path"] = outbox;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        double? listening = null;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        void Line(string? line)
        {
            if (line is null) return;
            if (listening is null && line.Contains("Now listening on", StringComparison.Ordinal)) listening = clock.Elapsed.TotalMilliseconds;
            output.Enqueue(line);
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{side.Label} exited with {process.ExitCode} before answering:\n{string.Join("\n", output.TakeLast(30))}");
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
                    var elapsed = clock.Elapsed.TotalMilliseconds;
                    if (response.IsSuccessStatusCode)
                    {
                        side.ServedBy.Add(response.Headers.TryGetValues(FunctionInvoker.FunctionHeader, out var names) ? string.Join(",", names) : "");
                        return (elapsed, listening);
                    }
                    throw new InvalidOperationException($"{side.Label} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(10);
            }
            throw new TimeoutException($"{side.Label} did not answer within 120 s:\n{string.Join("\n", output.TakeLast(30))}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private sealed class Side(string label, string dll, Func<int, string[]> arguments)
    {
        public string Label => label;
        public string Dll => dll;
        public Func<int, string[]> Arguments => arguments;
        public List<double> Times { get; } = [];
        public List<double> Listening { get; } = [];
        public List<string> ServedBy { get; } = [];

        public void Add(double firstAnswer, double? listening)
        {
            Times.Add(firstAnswer);
            if (listening is { } l) Listening.Add(l);
        }

        public bool AllServedBy(string function) => ServedBy.Count > 0 && ServedBy.All(s => s == function);
    }
}
