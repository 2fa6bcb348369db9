using System.Diagnostics;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Bench;

/// <summary>Where the seed plan's render time goes: building the report model, the chart, and the template, in memory.</summary>
public sealed class SeedRenderPartsBench : IBenchProgram
{
    public string Name => "seed-render-parts";
    public string Description => "seed plan in memory: time of ReportBuilder.Build, PerformanceChart.For and the HTML template";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var iterations = options.Int(0, full: 500, smoke: 3);
        var warmUp = options.Smoke ? 2 : 200;
        var report = new BenchReport(Name, "Seed plan in memory: where the render time goes", "dotnet run -c Release --project bench/CspFunctions.Bench -- seed-render-parts");
        using var stream = File.OpenRead(RepoPaths.SamplePlan(RepoPaths.FindRoot()));
        var (plan, seeds) = PlanValidator.Validate(PlanReader.ReadJson(stream));
        var round = ReportingRound.For(plan.Id, new FinancialYear(2018).Quarter(4), new DateOnly(2019, 4, 23), RoundState.Closed);
        var updates = seeds.Select(u => new ProgressUpdate(plan.Id, u.RoundId, u.ActionNumber, 1, u.Status, u.Rag, u.Text, u.GivenBy, null, DateTimeOffset.UnixEpoch, u.Channel)).ToList();
        var inputs = new ReportInputs(plan, round, updates, [], [], null);
        PlanReport built = null!;
        for (var i = 0; i < warmUp; i++) ReportTemplates.Render(ReportTemplates.Html, ReportBuilder.Build(inputs, ReportAudience.Board));
        Thread.Sleep(options.Smoke ? 0 : 500); // let tiered compilation finish promoting the hot paths
        for (var i = 0; i < warmUp; i++) ReportTemplates.Render(ReportTemplates.Html, ReportBuilder.Build(inputs, ReportAudience.Board));
        double Time(Action a) { var sw = Stopwatch.StartNew(); for (var i = 0; i < iterations; i++) a(); return sw.Elapsed.TotalMilliseconds / iterations; }
        var build = Time(() => built = ReportBuilder.Build(inputs, ReportAudience.Board));
        var chart = Time(() => PerformanceChart.For(built));
        var template = Time(() => ReportTemplates.Render(ReportTemplates.Html, built));
        var all = Time(() => ReportRenderer.Render(ReportBuilder.Build(inputs, ReportAudience.Board), ReportFormat.Html));
        // Each part against the whole render (build + template) measured in the same run.
        report.Figure("ReportBuilder.Build vs the whole HTML render", build, all, "ms");
        report.Figure("PerformanceChart.For vs the whole HTML render", chart, all, "ms");
        report.Figure("HTML template (incl. chart) vs the whole HTML render", template, all, "ms");
        report.Check("the template renders the same HTML as ReportRenderer", ReportTemplates.Render(ReportTemplates.Html, Fresh()) == System.Text.Encoding.UTF8.GetString(ReportRenderer.Render(Fresh(), ReportFormat.Html).Content));
        return await report.FinishAsync(options);

        PlanReport Fresh() => ReportBuilder.Build(inputs, ReportAudience.Board);
    }
}
