using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Templating;

namespace CspFunctions.Bench;

/// <summary>Rendering a 10,500-action plan to HTML with the cached Scriban template, against a hand-written StringBuilder
/// renderer of the same tables (the baseline). Target: the template at most 2x the baseline.
/// dotnet run -c Release --project bench/CspFunctions.Bench -- --filter '*ReportRender*'</summary>
[Config(typeof(InProcessJob))]
[MemoryDiagnoser]
public class ReportRenderBenchmarks
{
    private PlanReport _report = null!;

    /// <summary>The plan's size (the smoke run uses a small one).</summary>
    public int Actions { get; set; } = 10_500;

    [GlobalSetup]
    public void Setup()
    {
        _report = LargePlan.Report(Actions);
        if (!SameTables(_report))
            throw new InvalidOperationException("The hand-written baseline no longer renders the same tables as report.html.sbn.");
    }

    /// <summary>The same-output check: the template's HTML contains exactly the baseline's tables.</summary>
    public static bool SameTables(PlanReport report) =>
        ReportTemplates.Render(ReportTemplates.Html, report).Contains(HandWritten.Render(report), StringComparison.Ordinal);

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

/// <summary>The report's plan tables written directly: the fastest reasonable way to produce the same HTML. The benchmark
/// checks at start-up that the template's output contains exactly these bytes, so both render the same tables.</summary>
public static class HandWritten
{
    public static string Render(PlanReport report)
    {
        var sb = new StringBuilder(1 << 20);
        foreach (var s in report.Sections)
        {
            sb.Append("\n\n<h2 id=\"priority-").Append(E(s.PriorityId)).Append("\">").Append(E(s.Title)).Append("</h2>\n<table class=\"plan\">\n<caption>").Append(E(s.Title))
              .Append(": key actions and progress</caption>\n<thead><tr><th scope=\"col\" class=\"no\">No.</th><th scope=\"col\">Key actions and major projects</th><th scope=\"col\">Partnership Leads</th><th scope=\"col\">Linked document</th><th scope=\"col\">Progress</th></tr></thead>\n<tbody>\n");
            foreach (var row in s.Rows)
            {
                sb.Append("\n<tr id=\"action-").Append(row.Number).Append("\"><th scope=\"row\" class=\"no\">").Append(row.Number);
                if (row.Restricted) sb.Append("<br><span class=\"restricted\">Restricted</span>");
                sb.Append("</th>\n<td class=\"action\">");
                PlainTextHtml.Append(sb, row.TextBlocks);
                if (row.CarriedFrom is { } from) sb.Append("<p><small>Carried forward from ").Append(E(from)).Append("</small></p>");
                sb.Append("</td>\n<td class=\"leads\">");
                for (var i = 0; i < row.Leads.Count; i++) { if (i > 0) sb.Append("<br>"); sb.Append(E(row.Leads[i])); }
                sb.Append("</td>\n<td class=\"docs\">");
                for (var i = 0; i < row.Documents.Count; i++)
                {
                    var d = row.Documents[i];
                    if (i > 0) sb.Append("<br>");
                    if (d.Url is { Length: > 0 } url) sb.Append("<a href=\"").Append(E(url)).Append("\">").Append(E(d.Title)).Append("</a>");
                    else sb.Append(E(d.Title));
                }
                sb.Append("</td>\n<td class=\"progress\">");
                if (row.Progress is { } p)
                {
                    sb.Append("<p><span class=\"status\">").Append(E(p.StatusWord)).Append("</span> <span class=\"rag ").Append(E(p.RagClass)).Append("\">RAG ").Append(E(p.RagWord))
                      .Append("</span> <small>(").Append(E(p.DirectionWord)).Append(")</small>");
                    if (p.ReceivedAfterPublication) sb.Append(" <span class=\"late\">Received after publication</span>");
                    sb.Append("</p>");
                    PlainTextHtml.Append(sb, p.Blocks);
                    sb.Append("<p><small>").Append(E(p.GivenBy)).Append(", ").Append(E(p.GivenOn)).Append("</small></p>");
                }
                else sb.Append("<p class=\"none\">").Append(E(row.NoUpdateText)).Append("</p>");
                sb.Append("</td></tr>\n");
            }
            sb.Append("\n</tbody>\n</table>\n");
        }
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
