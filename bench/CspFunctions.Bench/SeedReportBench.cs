using System.Diagnostics;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Reporting;
using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Bench;

/// <summary>Loading the seed plan's round from Azurite (plan, this and last quarter's updates, chasing log) against loading
/// and rendering it to HTML, alternated in one run. Target: the render adds at most 30% to the bare load.
/// Needs Azurite on 127.0.0.1:10000-10002.</summary>
public sealed class SeedReportBench : IBenchProgram
{
    public string Name => "seed-report";
    public string Description => "seed plan from Azurite: load vs load + render HTML (target: render adds <= 30%; args: [iterations=200])";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var iterations = options.Int(0, full: 200, smoke: 5);
        var warmUp = options.Smoke ? 2 : 100;
        var report = new BenchReport(Name, "Seed plan: load from Azurite vs load and render", "dotnet run -c Release --project bench/CspFunctions.Bench -- seed-report");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Csp:TablePrefix"] = "bench" + Environment.ProcessId,
            ["Csp:LinkSigning:ActiveKeyId"] = "b",
            ["Csp:LinkSigning:Keys:b"] = "bench-signing-key-0123456789abcdef0123456789",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddCspFunctions(config).BuildServiceProvider();
        await using (var sample = File.OpenRead(RepoPaths.SamplePlan(RepoPaths.FindRoot())))
            await services.GetRequiredService<PlanImporter>().ImportAsync(PlanReader.ReadJson(sample));
        var source = services.GetRequiredService<ReportSource>();

        async Task Load() => await source.LoadAsync("luton-2018-19", "2018-19-Q4");
        async Task LoadAndRender()
        {
            var (_, inputs) = await source.LoadAsync("luton-2018-19", "2018-19-Q4");
            ReportRenderer.Render(ReportBuilder.Build(inputs, ReportAudience.Board), ReportFormat.Html);
        }
        // Warm up until tiered compilation has promoted the hot paths (tier-1 compiles in the background after ~30 calls),
        // so both sides are measured as optimised code, as BenchmarkDotNet would.
        for (var i = 0; i < warmUp; i++) { await Load(); await LoadAndRender(); }
        await Task.Delay(options.Smoke ? 0 : 500);
        for (var i = 0; i < warmUp; i++) { await Load(); await LoadAndRender(); }

        var load = new List<double>();
        var both = new List<double>();
        var sw = new Stopwatch();
        for (var i = 0; i < iterations; i++)
        {
            sw.Restart(); await Load(); load.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart(); await LoadAndRender(); both.Add(sw.Elapsed.TotalMilliseconds);
        }
        double Median(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }
        report.Figure($"load + render median ({iterations} alternated iterations) vs load median", Median(both), Median(load), "ms", maxRatio: 1.30);
        var (stored, inputs) = await source.LoadAsync("luton-2018-19", "2018-19-Q4");
        var html = System.Text.Encoding.UTF8.GetString(ReportRenderer.Render(ReportBuilder.Build(inputs, ReportAudience.Board), ReportFormat.Html).Content);
        var actions = stored.Plan.Actions.Count(a => !a.Restricted);
        report.Check($"the rendered report holds all {actions} of the seed plan's actions", System.Text.RegularExpressions.Regex.Count(html, "<tr id=\"action-") == actions);
        foreach (var table in new StorageNames(config["Csp:TablePrefix"]!).All)
            await services.GetRequiredService<StorageClients>().Tables.DeleteTableAsync(table);
        return await report.FinishAsync(options);
    }
}
