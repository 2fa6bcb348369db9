using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text;
using CspFunctions.LocalHost;
using CspFunctions.Observability;

namespace CspFunctions.Bench;

/// <summary>
/// Cold start to the first answered request (a lead clicking a link on a Flex Consumption app that has scaled to zero):
/// the app against an empty isolated-worker app with the same packages, in the same run. Core Tools (the Functions host)
/// cannot run here, so each side is a fresh `dotnet` process serving HTTP on Kestrel, and the time is from Process.Start
/// to the first 200 on GET /api/health.
///
/// The app's side is the real local host started as an instance of Flex Consumption's HTTP scale group starts in Azure
/// (`--no-timers --no-queues --no-demo`): configuration and its validation, the app's DI registrations, functions.metadata,
/// the key check, the access gate, the sign-in emulation, request tracing and the health function's probes of Azurite. The
/// baseline is bench/CspFunctions.EmptyApp (the same package references and one function) answering the same request: its
/// function makes the same three storage calls first (`--probe-storage`). A second baseline, the empty app answering at once,
/// is reported too. Starts rotate through the sides (and which goes first), after one warm-up of each; medians are
/// compared. Then a few starts of each with CSP_STARTUP_TRACE=1 give the stage breakdown (not counted in the figures).
///
/// Both sides run as Azure runs a deployed app: published once at the start of the run, ReadyToRun for linux-x64 and
/// framework-dependent (what `dotnet publish` of src/CspFunctions produces, see its project file), with the same settings.
/// A smoke run (CI) starts the build output instead: it only proves the bench still works, and publishing would take minutes.
/// </summary>
public sealed class StartupBench : IBenchProgram
{
    private const double Target = 1.3;

    /// <summary>Flex Consumption's workers: src/CspFunctions/CspFunctions.csproj publishes ReadyToRun for this runtime.</summary>
    public const string PublishRuntime = "linux-x64";

    public string Name => "startup";
    public string Description => "cold start to the first answered request: the app on the local host vs an empty isolated-worker app answering the same health probe (target <= 1.3x); [runs=9] [traced=3]";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var runs = options.Int(0, full: 9, smoke: 1);
        var tracedRuns = options.Int(1, full: 3, smoke: 1);
        var root = RepoPaths.FindRoot();
        var configuration = typeof(StartupBench).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var app = Path.Combine(root, "src", "CspFunctions.LocalHost", "bin", configuration, "net10.0", "CspFunctions.LocalHost.dll");
        var empty = Path.Combine(root, "bench", "CspFunctions.EmptyApp", "bin", configuration, "net10.0", "CspFunctions.EmptyApp.dll");
        var published = !options.Smoke;
        if (published)
        {
            // Under the repository (bin/obj are ignored), so the published local host still finds the repository root.
            var publishRoot = Path.Combine(root, "bench", "CspFunctions.Bench", "obj", "startup-published");
            app = await PublishAsync(root, Path.Combine("src", "CspFunctions.LocalHost", "CspFunctions.LocalHost.csproj"), configuration, Path.Combine(publishRoot, "app"), "CspFunctions.LocalHost.dll");
            empty = await PublishAsync(root, Path.Combine("bench", "CspFunctions.EmptyApp", "CspFunctions.EmptyApp.csproj"), configuration, Path.Combine(publishRoot, "empty"), "CspFunctions.EmptyApp.dll");
        }
        foreach (var dll in new[] { app, empty })
            if (!File.Exists(dll)) { Console.Error.WriteLine($"{dll} is missing: dotnet build -c {configuration} bench/CspFunctions.Bench first."); return 2; }
        await using var azurite = await Azurite.EnsureRunningAsync(root, Path.Combine(root, ".azurite"), Console.WriteLine);

        // Its own table prefix and outbox, so nothing the app might touch is anyone else's data.
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var outbox = Path.Combine(Path.GetTempPath(), prefix + "-outbox");
        var appSide = new Side("CspFunctions (local host)", app,
            port => ["--no-timers", "--no-queues", "--no-demo", "--urls", $"http://127.0.0.1:{port}", "--function-key", "bench"]);
        var probeSide = new Side("empty app, same storage probe", empty, port => ["--urls", $"http://127.0.0.1:{port}", "--probe-storage"]);
        var bareSide = new Side("empty app, answering at once", empty, port => ["--urls", $"http://127.0.0.1:{port}"]);
        Side[] sides = [appSide, probeSide, bareSide];
        var report = new BenchReport(Name, "Cold start to the first answered request", "dotnet run -c Release --project bench/CspFunctions.Bench -- startup");
        try
        {
            var warmUps = options.Smoke ? 0 : 1;
            for (var i = 0; i < warmUps + runs; i++)
            {
                // Rotate which side goes first, so a noisy moment on the machine does not always hit the same one.
                foreach (var side in sides.Skip(i % sides.Length).Concat(sides.Take(i % sides.Length)))
                {
                    var start = await TimeToFirstAnswerAsync(side, prefix, outbox, traced: false);
                    if (i >= warmUps) side.Add(start);
                }
            }
            for (var i = 0; i < tracedRuns; i++)
                foreach (var side in i % 2 == 0 ? new[] { appSide, probeSide } : [probeSide, appSide])
                {
                    var traced = await TimeToFirstAnswerAsync(side, prefix, outbox, traced: true);
                    side.Traces.Add(traced.Stages);
                    side.Assemblies = traced.Assemblies;
                }
        }
        finally
        {
            if (Directory.Exists(outbox)) Directory.Delete(outbox, recursive: true);
        }

        report.Check($"the app answered GET /api/health with 200 from its own Health function in each of its {appSide.Times.Count} starts",
            appSide.Times.Count == runs && appSide.AllServedBy("Health"));
        foreach (var side in new[] { probeSide, bareSide })
            report.Check($"the {side.Label} answered GET /api/health with 200 in each of its {side.Times.Count} starts", side.Times.Count == runs);
        if (published)
        {
            // The app's own assemblies are the ones only a publish of the app can precompile; the packages are the same on both sides.
            var appImages = ReadyToRunImages(Path.GetDirectoryName(app)!);
            var emptyImages = ReadyToRunImages(Path.GetDirectoryName(empty)!);
            string[] own = ["CspFunctions", "CspFunctions.Domain", "CspFunctions.LocalHost"];
            report.Check($"both sides were published ReadyToRun for {PublishRuntime}: the app's own assemblies ({string.Join(", ", own)}) and the empty app's are ReadyToRun images; " +
                         $"ReadyToRun images of all assemblies published: the app {appImages.ReadyToRun.Count} of {appImages.All}, the empty app {emptyImages.ReadyToRun.Count} of {emptyImages.All}",
                own.All(appImages.ReadyToRun.Contains) && emptyImages.ReadyToRun.Contains("CspFunctions.EmptyApp") && RuntimeInformation.RuntimeIdentifier == PublishRuntime);
        }
        report.Check("every traced start reported its stages (CSP_STARTUP_TRACE=1)",
            appSide.Traces.Count == tracedRuns && probeSide.Traces.Count == tracedRuns && appSide.Traces.Concat(probeSide.Traces).All(t => t.Count > 0));

        // Named only where they are used, so an app without Graph, SendGrid or Application Insights configured (as here)
        // never loads their assemblies at start (src/CspFunctions/Setup/ChasingRegistration.cs, TelemetryRegistration.cs).
        string[] unconfigured = ["Microsoft.Graph", "Microsoft.Kiota.Abstractions", "SendGrid", "Azure.Monitor.OpenTelemetry.Exporter", "Microsoft.Azure.Functions.Worker.OpenTelemetry"];
        report.Check($"by its first answer the app had loaded none of the assemblies of what is not configured here ({string.Join(", ", unconfigured)}); loaded: {(string.Join(", ", unconfigured.Where(appSide.Assemblies.Contains)) is { Length: > 0 } l ? l : "none")}",
            appSide.Assemblies.Count > 0 && !unconfigured.Any(appSide.Assemblies.Contains));
        report.Figure($"start-up to the first 200, median of {runs} (baseline: the empty app making the same storage probe)", Median(appSide.Times), Median(probeSide.Times), "ms", Target);
        report.Figure($"start-up to the first 200, fastest of {runs} (same baseline)", appSide.Times.Min(), probeSide.Times.Min(), "ms");
        if (appSide.Listening.Count == runs && probeSide.Listening.Count == runs)
        {
            // Where the time goes: until Kestrel says it is listening (process, settings, DI, routes), then from there to the
            // first 200 (the first request: routing, key check, access gate, the function and its probes).
            report.Figure($"start-up to listening, median of {runs} (same baseline)", Median(appSide.Listening), Median(probeSide.Listening), "ms");
            report.Figure($"listening to the first 200, median of {runs} (same baseline)", Median(appSide.AfterListening), Median(probeSide.AfterListening), "ms");
        }
        report.Figure($"start-up to the first 200, median of {runs} (baseline: the empty app answering at once, no storage call)", Median(appSide.Times), Median(bareSide.Times), "ms");
        report.Figure($"the storage probe's own cost: empty app with it vs without, median of {runs}", Median(probeSide.Times), Median(bareSide.Times), "ms");
        report.Note("Each start (ms), in run order: " + string.Join("; ", sides.Select(s => $"{s.Label} [{string.Join(", ", s.Times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}]")) + ".");
        report.Note(StageTable(appSide, probeSide, tracedRuns));
        report.Note($"Assemblies loaded by the first answer: the app {appSide.Assemblies.Count}, the empty app with the same probe {probeSide.Assemblies.Count}. " +
                    $"Only in the app: {string.Join(", ", appSide.Assemblies.Except(probeSide.Assemblies))}. Only in the empty app: {(string.Join(", ", probeSide.Assemblies.Except(appSide.Assemblies)) is { Length: > 0 } e ? e : "none")}.");
        report.Note(published
            ? $"What runs: both sides published once at the start of this run exactly alike, `dotnet publish -c {configuration} -r {PublishRuntime} --self-contained false -p:PublishReadyToRun=true` " +
              "(ReadyToRun, framework-dependent: what `dotnet publish` of src/CspFunctions produces for Flex Consumption, see docs/operations.md), and the published dll started. " +
              "A smoke run (`--smoke`, CI) starts the build output instead, without ReadyToRun."
            : "What runs: this smoke run started the build output of both sides (no publish, no ReadyToRun); a full run publishes both ReadyToRun first.");
        report.Note("""
            What is measured: a fresh `dotnet` process per start, timed from Process.Start until GET /api/health first answers 200
            (polled every 10 ms). The Functions host (Core Tools) cannot run on this machine, so neither side runs under it; in
            Azure the host's own start (and its gRPC hand-over to the worker) comes on top of both sides alike.

            Why this is the path a cold start in Azure pays: on Flex Consumption HTTP functions scale in their own group, so the
            instance a lead's click wakes runs no timers and polls no queues, and nothing in Azure loads a sample plan or opens a
            demo round. The local host is therefore started with `--no-timers --no-queues --no-demo`; everything else it does
            before the first answer is what the worker does in Azure (settings and their validation, `AddCspFunctions`, the
            page-security and access middleware, the health function and its three storage calls), plus local-host work Azure
            does elsewhere and that stays charged to the app: System.CommandLine, reading functions.metadata, the function-key
            check, the sign-in emulation and request tracing (the host's job in Azure). Not measured: in Azure the worker also
            sets up the OpenTelemetry exporter to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING is unset here),
            and Azure reads the package from blob storage for both sides alike.

            The baseline is `bench/CspFunctions.EmptyApp`: an isolated-worker project with exactly the app's package references
            and one function, served the same way (a Kestrel route that calls the function and executes its action result). Its
            function first reads the table, queue and blob services' properties, the three calls the app's health probe makes,
            so both sides answer the same request and the ratio is the app's own start-up cost. The empty app answering at once
            is the second baseline; the difference between the two empty-app figures is what the first use of the storage SDK
            costs any app.

            One warm-up start of each side is not counted (OS file cache). The starts rotate through the three sides, and rotate
            which goes first. The stage breakdown comes from separate starts with CSP_STARTUP_TRACE=1 (src/CspFunctions/Observability/StartupTrace.cs).
            """);
        return await report.FinishAsync(options);
    }

    /// <summary>The traced starts' stages, medians: when the bench saw each line (ms from Process.Start), methods JIT-compiled
    /// by then, and assemblies loaded.</summary>
    private static string StageTable(Side app, Side empty, int tracedRuns)
    {
        var text = new StringBuilder();
        text.AppendLine($"Stage breakdown, medians of {tracedRuns} traced starts each (ms from Process.Start as the bench saw the line; methods JIT-compiled and assemblies loaded by then):");
        text.AppendLine();
        text.AppendLine("| Side | Stage | ms | JIT-compiled methods | JIT time (ms) | Assemblies |");
        text.Append("| --- | --- | --- | --- | --- | --- |");
        foreach (var side in new[] { app, empty })
        {
            var stages = side.Traces.SelectMany(t => t.Select(s => s.Name)).Distinct().ToList();
            foreach (var stage in stages)
            {
                var seen = side.Traces.SelectMany(t => t.Where(s => s.Name == stage)).ToList();
                text.AppendLine();
                text.Append(CultureInfo.InvariantCulture, $"| {side.Label} | {stage} | {Median(seen.Select(s => s.Ms).ToList()):F0} | {Median(seen.Select(s => (double)s.Jit).ToList()):F0} | {Median(seen.Select(s => s.JitMs).ToList()):F0} | {Median(seen.Select(s => (double)s.Assemblies).ToList()):F0} |");
            }
        }
        return text.ToString();
    }

    /// <summary>Publishes a project as the app is deployed (ReadyToRun for <see cref="PublishRuntime"/>, framework-dependent)
    /// into an emptied folder; returns the path of its entry dll there.</summary>
    private static async Task<string> PublishAsync(string root, string project, string configuration, string folder, string dll)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "publish", project, "-c", configuration, "-r", PublishRuntime, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", folder, "--nologo", "-v", "q", "-nodeReuse:false" })
            start.ArgumentList.Add(a);
        Console.WriteLine($"publishing {project} (ReadyToRun, {PublishRuntime}) ...");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish {project} failed with {process.ExitCode}:\n{await output}\n{await errors}");
        Console.WriteLine($"published {project} in {clock.Elapsed.TotalSeconds:F0} s");
        return Path.Combine(folder, dll);
    }

    /// <summary>The assemblies in a folder that are ReadyToRun images (a managed native header), and how many assemblies it holds.</summary>
    private static (HashSet<string> ReadyToRun, int All) ReadyToRunImages(string folder)
    {
        var readyToRun = new HashSet<string>(StringComparer.Ordinal);
        var all = 0;
        foreach (var file in Directory.GetFiles(folder, "*.dll"))
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            if (pe.PEHeaders.CorHeader is not { } cor) continue;
            all++;
            if (cor.ManagedNativeHeaderDirectory.Size > 0) readyToRun.Add(Path.GetFileNameWithoutExtension(file));
        }
        return (readyToRun, all);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Stage(string Name, double Ms, int Jit, double JitMs, int Assemblies)
    {
        /// <summary>"startup-trace STAGE | 123 ms | jit=N jit-ms=MS assemblies=N" (StartupTrace), seen at <paramref name="seenMs"/>.</summary>
        public static Stage? Parse(string line, double seenMs)
        {
            var at = line.IndexOf(StartupTrace.Prefix, StringComparison.Ordinal);
            if (at < 0) return null;
            var parts = line[(at + StartupTrace.Prefix.Length)..].Split(" | ");
            if (parts.Length != 3) return null;
            var counters = parts[2].Split(' ').Select(p => p.Split('=')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            return new Stage(parts[0], seenMs, int.Parse(counters["jit"], CultureInfo.InvariantCulture), double.Parse(counters["jit-ms"], CultureInfo.InvariantCulture),
                int.Parse(counters["assemblies"], CultureInfo.InvariantCulture));
        }
    }

    private sealed record Start(double FirstAnswer, double? Listening, List<Stage> Stages, IReadOnlyList<string> Assemblies);

    /// <returns>Milliseconds from Process.Start to the first 200, and to Kestrel's "Now listening on" line (null if it printed none).</returns>
    private static async Task<Start> TimeToFirstAnswerAsync(Side side, string prefix, string outbox, bool traced)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(side.Dll);
        foreach (var a in side.Arguments(port)) start.ArgumentList.Add(a);
        start.Environment["Csp__TablePrefix"] = prefix;
        start.Environment["Csp__Outbox__Path"] = outbox;
        // As the platform runs a Functions app in Azure (the local host would otherwise run as Core Tools does, in Development).
        start.Environment[LocalSettings.EnvironmentVariable] = "Production";
        if (traced) start.Environment[StartupTrace.Variable] = "1";
        else start.Environment.Remove(StartupTrace.Variable);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stages = new System.Collections.Concurrent.ConcurrentQueue<Stage>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        double? listening = null;
        string[] assemblies = [];
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        void Line(string? line)
        {
            if (line is null) return;
            var seen = clock.Elapsed.TotalMilliseconds;
            if (listening is null && line.Contains("Now listening on", StringComparison.Ordinal)) listening = seen;
            if (Stage.Parse(line, seen) is { } stage) stages.Enqueue(stage);
            if (line.StartsWith(StartupTrace.AssembliesPrefix, StringComparison.Ordinal)) assemblies = line[StartupTrace.AssembliesPrefix.Length..].Split(',');
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
                        if (traced) await Task.Delay(100); // the last stage line is written as the answer goes out
                        return new Start(elapsed, listening, [.. stages], assemblies);
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
        public List<double> AfterListening { get; } = [];
        public List<string> ServedBy { get; } = [];
        public List<List<Stage>> Traces { get; } = [];
        /// <summary>The assemblies loaded by the first answer, in the last traced start.</summary>
        public IReadOnlyList<string> Assemblies { get; set; } = [];

        public void Add(Start start)
        {
            Times.Add(start.FirstAnswer);
            if (start.Listening is { } l)
            {
                Listening.Add(l);
                AfterListening.Add(start.FirstAnswer - l);
            }
        }

        public bool AllServedBy(string function) => ServedBy.Count > 0 && ServedBy.All(s => s == function);
    }
}
