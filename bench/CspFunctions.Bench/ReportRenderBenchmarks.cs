using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Bench;

/// <summary>Rendering a 10,500-action plan to HTML with the cached Scriban template, against a hand-written StringBuilder
/// renderer of the same tables (the baseline). Target: the template at most 2x the baseline.
/// dotnet run -c Release --project bench/CspFunctions.Bench -- --filter '*ReportRender*'</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ReportRenderBenchmarks
{
    private PlanReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _report = LargePlan.Report(10_500);
        ReportTemplates.Render(ReportTemplates.Html, _report); // parse and cache the template
    }

    [Benchmark(Baseline = true)]
    public int StringBuilderTable() => HandWritten.Render(_report).Length;

    [Benchmark]
    public int ScribanTemplate() => ReportTemplates.Render(ReportTemplates.Html, _report).Length;
}

public static class LargePlan
{
    public static PlanReport Report(int actions)
    {
        var priorities = Enumerable.Range(1, 10).Select(i => new Priority($"p{i}", $"Priority {i}: keeping people safe & well")).ToList();
        var leads = Enumerable.Range(1, 50).Select(i => new Lead($"l{i}", $"Lead agency {i}", [new Contact($"Contact {i}", $"c{i}@example.org")])).ToList();
        var list = Enumerable.Range(1, actions).Select(n => new PlanAction(n, priorities[(n - 1) * priorities.Count / actions].Id,
            $"Action {n}: deliver the <partnership> plan for area {n % 37}.\n\n- first step\n- second step", [leads[n % leads.Count].Id], n % 10 == 0 ? [new LinkedDocument("Strategy.pdf")] : [])).ToList();
        var plan = new Plan("big", "A large plan", 2024, "Europe/London", "An introduction.", [new Contact("M", "m@example.org")], priorities, leads, list);
        var round = ReportingRound.For("big", new FinancialYear(2024).Quarter(2), new DateOnly(2024, 10, 20));
        var at = new DateTimeOffset(2024, 10, 10, 9, 0, 0, TimeSpan.Zero);
        var updates = list.Where(a => a.Number % 7 != 0).Select(a => new ProgressUpdate("big", round.Id, a.Number, 1, (ProgressStatus)(a.Number % 6), (Rag)(a.Number % 3),
            $"Progress on {a.Number} is steady.\n\nActivity has included:\n\n- meetings with partners\n- a \"review\" of cases & data", "Lead", null, at, UpdateChannel.Form)).ToList();
        return ReportBuilder.Build(new ReportInputs(plan, round, updates, [], [], null), ReportAudience.Board);
    }
}

/// <summary>The same plan tables written directly: the fastest reasonable way to produce this HTML.</summary>
public static class HandWritten
{
    public static string Render(PlanReport report)
    {
        var sb = new StringBuilder(1 << 20);
        sb.Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(report.PlanName)).Append("</title></head><body><main><h1>")
          .Append(E(report.PlanName)).Append("</h1>");
        foreach (var s in report.Sections)
        {
            sb.Append("<h2>").Append(E(s.Title)).Append("</h2><table class=\"plan\"><caption>").Append(E(s.Title))
              .Append("</caption><thead><tr><th scope=\"col\">No.</th><th scope=\"col\">Key actions and major projects</th><th scope=\"col\">Partnership Leads</th><th scope=\"col\">Linked document</th><th scope=\"col\">Progress</th></tr></thead><tbody>\n");
            foreach (var row in s.Rows)
            {
                sb.Append("<tr id=\"action-").Append(row.Number).Append("\"><th scope=\"row\">").Append(row.Number).Append("</th><td>");
                Blocks(sb, row.TextBlocks);
                sb.Append("</td><td>");
                for (var i = 0; i < row.Leads.Count; i++) { if (i > 0) sb.Append("<br>"); sb.Append(E(row.Leads[i])); }
                sb.Append("</td><td>");
                foreach (var d in row.Documents) sb.Append(E(d.Title));
                sb.Append("</td><td>");
                if (row.Progress is { } p)
                {
                    sb.Append("<p><span class=\"status\">").Append(p.StatusWord).Append("</span> <span class=\"rag ").Append(p.RagClass).Append("\">RAG ").Append(p.RagWord).Append("</span></p>");
                    Blocks(sb, p.Blocks);
                    sb.Append("<p><small>").Append(E(p.GivenBy)).Append(", ").Append(E(p.GivenOn)).Append("</small></p>");
                }
                else sb.Append("<p class=\"none\">").Append(E(row.NoUpdateText)).Append("</p>");
                sb.Append("</td></tr>\n");
            }
            sb.Append("</tbody></table>");
        }
        return sb.Append("</main></body></html>").ToString();
    }

    private static void Blocks(StringBuilder sb, IReadOnlyList<TextBlock> blocks)
    {
        foreach (var b in blocks)
        {
            if (b.IsList) { sb.Append("<ul>"); foreach (var l in b.Lines) sb.Append("<li>").Append(E(l)).Append("</li>"); sb.Append("</ul>"); }
            else { sb.Append("<p>"); for (var i = 0; i < b.Lines.Count; i++) { if (i > 0) sb.Append("<br>"); sb.Append(E(b.Lines[i])); } sb.Append("</p>"); }
        }
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
