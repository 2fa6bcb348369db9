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

    public Task<int> RunAsync(string[] args)
    {
        using var stream = File.OpenRead(RepoPaths.SamplePlan(RepoPaths.FindRoot()));
        var (plan, seeds) = PlanValidator.Validate(PlanReader.ReadJson(stream));
        var round = ReportingRound.For(plan.Id, new FinancialYear(2018).Quarter(4), new DateOnly(2019, 4, 23), RoundState.Closed);
        var updates = seeds.Select(u => new ProgressUpdate(plan.Id, u.RoundId, u.ActionNumber, 1, u.Status, u.Rag, u.Text, u.GivenBy, null, DateTimeOffset.UnixEpoch, u.Channel)).ToList();
        var inputs = new ReportInputs(plan, round, updates, [], [], null);
        PlanReport report = null!;
        for (var i = 0; i < 200; i++) ReportTemplates.Render(ReportTemplates.Html, ReportBuilder.Build(inputs, ReportAudience.Board));
        Thread.Sleep(500); // let tiered compilation finish promoting the hot paths
        for (var i = 0; i < 200; i++) ReportTemplates.Render(ReportTemplates.Html, ReportBuilder.Build(inputs, ReportAudience.Board));
        double Time(Action a) { var sw = Stopwatch.StartNew(); for (var i = 0; i < 500; i++) a(); return sw.Elapsed.TotalMilliseconds / 500; }
        var build = Time(() => report = ReportBuilder.Build(inputs, ReportAudience.Board));
        var chart = Time(() => PerformanceChart.For(report));
        var template = Time(() => ReportTemplates.Render(ReportTemplates.Html, report));
        var all = Time(() => ReportRenderer.Render(ReportBuilder.Build(inputs, ReportAudience.Board), ReportFormat.Html));
        Console.WriteLine($"build {build:F3} ms, chart {chart:F3} ms, template (incl. chart) {template:F3} ms, ReportRenderer.Render(Html) incl. build {all:F3} ms");
        return Task.FromResult(0);
    }
}
