using System.Diagnostics;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using Scriban.Runtime;

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
        var builtins = Scriban.TemplateContext.GetDefaultBuiltinObject();
        var trivial = Scriban.Template.Parse("{{ x }}");
        var context = Time(() => { var c = new Scriban.TemplateContext(builtins); var g = new Scriban.Runtime.ScriptObject { ["x"] = 1 }; c.PushGlobal(g); trivial.Render(c); });
        var source = new StreamReader(typeof(ReportTemplates).Assembly.GetManifestResourceStream("CspFunctions.Reporting.Templates.report.html.sbn")!).ReadToEnd();
        var rowStart = source.IndexOf("{{~ for row in s.rows }}", StringComparison.Ordinal);
        var rowEnd = source.IndexOf("{{~ end }}", rowStart, StringComparison.Ordinal);
        var noRows = Scriban.Template.Parse(source.Remove(rowStart, rowEnd + "{{~ end }}".Length - rowStart));
        var perfStart = source.IndexOf("<h2 class=\"first\" id=\"performance\">", StringComparison.Ordinal);
        var perfEnd = source.IndexOf("{{~ for s in report.sections }}\n<section", StringComparison.Ordinal);
        Console.WriteLine($"perf block found: {perfStart} {perfEnd}");
        double RenderWith(Scriban.Template t, bool strict = true, bool autoIndent = true, bool culture = false, bool relaxed = true) => Time(() =>
        {
            var c = new Scriban.TemplateContext(builtins) { StrictVariables = strict, LoopLimit = int.MaxValue, AutoIndent = autoIndent, EnableRelaxedMemberAccess = relaxed };
            if (culture) c.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
            c.PushGlobal(new Scriban.Runtime.ScriptObject { ["report"] = report, ["chart"] = PerformanceChart.For(report) });
            var f = new Scriban.Runtime.ScriptObject();
            f.Import("text_html", new Func<string?, string>(CspFunctions.Templating.PlainTextHtml.Convert));
            f.Import("lines_html", new Func<object?, string>(ReportTemplates.LinesHtml));
            c.PushGlobal(f);
            t.Render(c);
        });
        Console.WriteLine($"template without the row loop {RenderWith(noRows):F3} ms");
        var full = Scriban.Template.Parse(source);
        Console.WriteLine($"full: {RenderWith(full):F3} ms; not strict {RenderWith(full, strict: false):F3} ms; no auto-indent {RenderWith(full, autoIndent: false):F3} ms; neither {RenderWith(full, false, false):F3} ms; culture {RenderWith(full, culture: true):F3} ms; relaxed off {RenderWith(full, relaxed: false):F3} ms");
        Console.WriteLine($"new TemplateContext + trivial render {context:F3} ms");
        Console.WriteLine($"build {build:F3} ms, chart {chart:F3} ms, template (incl. chart) {template:F3} ms, ReportRenderer.Render(Html) incl. build {all:F3} ms");
        return Task.FromResult(0);
    }
}
