using System.Diagnostics;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Templating;
using Scriban.Runtime;

namespace CspFunctions.Bench;

/// <summary>page-render --profile: where a render's time goes, by stopwatch over many renders of each piece (printed, not
/// written to the results): the view model, the whole page each way, the body template alone, and a bare context.</summary>
public static class PageRenderProfile
{

    public static void Run(PageRenderBenchmarks b, bool spin = false, bool form = false)
    {
        var round = b.RoundModelForProfile();
        var layout = b.RoundLayoutForProfile();
        var formPage = b.FormModelForProfile();
        var formLayout = b.FormLayoutForProfile();
        if (spin)
        {
            // For a sampling profiler (dotnet-trace, or perf with DOTNET_PerfMapEnabled=1): the round page (or with "form",
            // the response form), model built, for 15 seconds.
            for (var sw = Stopwatch.StartNew(); sw.Elapsed.TotalSeconds < 15;)
            {
                if (form) PageRenderer.Render(ResponseFormPage.Template, formPage, formLayout);
                else PageRenderer.Render(ManageRoundPage.Template, round, layout);
            }
            return;
        }
        // The first renders in this process (GlobalSetup rendered each page once): a sealed loop's body is compiled on its
        // second run, so the actions loop of the form (one run a render) compiles in the first of these.
        foreach (var (name, render) in new (string, Func<int>)[] { ("form", () => b.TemplateForm().Length), ("round page", () => b.TemplateRound().Length) })
        {
            var times = new List<string>();
            for (var i = 2; i <= 4; i++)
            {
                var sw = Stopwatch.StartNew();
                render();
                times.Add($"render {i}: {sw.Elapsed.TotalMilliseconds:F2} ms");
            }
            Console.WriteLine($"{name}, first renders: {string.Join(", ", times)}");
        }
        var bare = round with { Steer = null, Filter = null };
        var pageLength = b.TemplateRound().Length;
        var pieces = new (string Name, Func<int> Work)[]
        {
            ("round: view model", () => b.RoundModelForProfile().Leads.Count),
            ("round: hand-written (model + page)", () => b.HandRound().Length),
            ("round: templates (model + page)", () => b.TemplateRound().Length),
            ("round: body template alone (model built)", () => PageRenderer.RenderOne(ManageRoundPage.Template, new ScriptObject { ["page"] = round, ["layout"] = layout }).Length),
            ("round: body template, no steer/filter", () => PageRenderer.RenderOne(ManageRoundPage.Template, new ScriptObject { ["page"] = bare, ["layout"] = layout }).Length),
            ("round: page (model built)", () => PageRenderer.Render(ManageRoundPage.Template, round, layout).Length),
            ("round: hand-written (model built)", () => HandWrittenPages.Round(round, layout).Length),
            ("a string of the page's length", () => new string('x', pageLength).Length),
            ("context: new + culture + globals", () => { var c = TemplateLibrary.NewContext(ManageRoundPage.Template); c.PushCulture(System.Globalization.CultureInfo.InvariantCulture); c.PushGlobal(new ScriptObject()); return c.LoopLimit; }),
            ("form: hand-written (model + page)", () => b.HandForm().Length),
            ("form: templates (model + page)", () => b.TemplateForm().Length),
            ("form: view model", () => b.FormModelForProfile().Actions.Count),
            ("form: page (model built)", () => PageRenderer.Render(ResponseFormPage.Template, formPage, formLayout).Length),
            ("form: hand-written (model built)", () => HandWrittenPages.ResponseForm(formPage, formLayout).Length),
            ("form: body template alone (model built)", () => PageRenderer.RenderOne(ResponseFormPage.Template, new ScriptObject { ["page"] = formPage, ["layout"] = formLayout }).Length),
        };
        Console.WriteLine($"round page {b.TemplateRound().Length:N0} chars, body {PageRenderer.RenderOne(ManageRoundPage.Template, new ScriptObject { ["page"] = round, ["layout"] = layout }).Length:N0}; form {b.TemplateForm().Length:N0}; GC {System.Runtime.GCSettings.IsServerGC} {System.Runtime.GCSettings.LatencyMode}");
        foreach (var (name, work) in pieces)
        {
            for (var i = 0; i < 2_000; i++) work();
            var best = double.MaxValue;
            for (var rep = 0; rep < 5; rep++)
            {
                var n = 4_000;
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < n; i++) work();
                best = Math.Min(best, sw.Elapsed.TotalMicroseconds / n);
            }
            var (g0, g1, g2, bytes) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetAllocatedBytesForCurrentThread());
            for (var i = 0; i < 1_000; i++) work();
            Console.WriteLine($"{name,-50} {best,9:F2} us   per 1,000: gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}, {(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1000:N0} bytes each");
        }
    }
}
