using AngleSharp.Html.Parser;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CspFunctions.Tests.Reporting;

/// <summary>The seed plan through every format, checked by parsing the output back.</summary>
public sealed class ReportRenderingTests
{
    private static readonly Plan Plan = ReportData.Sample.Plan;

    private static AngleSharp.Html.Dom.IHtmlDocument Html(PlanReport report) =>
        new HtmlParser().ParseDocument(ReportTemplates.Render(ReportTemplates.Html, report));

    [Fact]
    public void Html_has_all_28_actions_in_their_sections_in_plan_order_with_exact_text()
    {
        var doc = Html(ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Board));
        var tables = doc.QuerySelectorAll("table.plan");
        Assert.Equal(Plan.Priorities.Select(p => p.Title), tables.Select(t => t.QuerySelector("caption")!.TextContent.Replace(": key actions and progress", "")));
        for (var i = 0; i < Plan.Priorities.Count; i++)
        {
            var expected = Plan.ActionsIn(Plan.Priorities[i]).ToList();
            var rows = tables[i].QuerySelectorAll("tbody tr");
            Assert.Equal(expected.Select(a => a.Number.ToString()), rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
            for (var r = 0; r < expected.Count; r++)
            {
                var cell = rows[r].QuerySelector("td.action")!;
                Assert.Equal(TextBlocks.Parse(expected[r].Text).SelectMany(b => b.Lines), cell.QuerySelectorAll("p, li").SelectMany(e => e.InnerHtml.Split("<br>")).Select(System.Net.WebUtility.HtmlDecode));
                Assert.Equal(expected[r].LeadIds.Select(id => Plan.FindLead(id)!.Name), rows[r].QuerySelector("td.leads")!.InnerHtml.Split("<br>", StringSplitOptions.RemoveEmptyEntries).Select(System.Net.WebUtility.HtmlDecode));
            }
        }
        Assert.Equal(28, doc.QuerySelectorAll("table.plan tbody tr").Length);
        Assert.Equal("Deliver the ‘Ending Adult Exploitation Strategy’ Business & Performance Plan.", doc.QuerySelector("#action-1 td.action")!.TextContent);
        Assert.Equal("Adult Exploitation Strategy.pdf", doc.QuerySelector("#action-1 td.docs")!.TextContent);
    }

    [Fact]
    public void Html_progress_keeps_status_rag_paragraphs_and_bullet_lists()
    {
        var doc = Html(ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Board));
        var update = ReportData.Sample.Updates.Single(u => u.ActionNumber == 1);
        var cell = doc.QuerySelector("#action-1 td.progress")!;
        Assert.Equal(update.Status.Display(), cell.QuerySelector(".status")!.TextContent);
        Assert.Equal("RAG " + update.Rag, cell.QuerySelector(".rag")!.TextContent);
        var blocks = TextBlocks.Parse(update.Text);
        Assert.Equal(blocks.Where(b => b.IsList).SelectMany(b => b.Lines), cell.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal(7, cell.QuerySelectorAll("ul li").Length);
        Assert.Contains(cell.QuerySelectorAll("p"), p => p.TextContent == "Activity has included:");
    }

    [Fact]
    public void Missing_update_says_so_with_when_the_lead_was_chased()
    {
        var updates = ReportData.SampleUpdates().Where(u => u.ActionNumber is not (2 or 3)).ToList();
        var lead2 = Plan.Actions.Single(a => a.Number == 2).LeadIds[0];
        var chases = new[] { new ChaseRecord(lead2, "reminder", "email", new DateTimeOffset(2019, 4, 16, 8, 0, 0, TimeSpan.Zero)), new ChaseRecord(lead2, "due", "email", new DateTimeOffset(2019, 4, 20, 8, 0, 0, TimeSpan.Zero)) };
        var report = ReportBuilder.Build(ReportData.Inputs(updates: updates, chases: chases), ReportAudience.Board);
        var doc = Html(report);
        Assert.Equal("No update received (last chased 20 April 2019)", doc.QuerySelector("#action-2 td.progress")!.TextContent);
        var lead3 = Plan.Actions.Single(a => a.Number == 3).LeadIds;
        Assert.DoesNotContain(lead2, lead3);
        Assert.Equal("No update received", doc.QuerySelector("#action-3 td.progress")!.TextContent);
        Assert.Equal((28, 26, 2), (report.Overall.Actions, report.Overall.Received, report.Overall.Outstanding));
    }

    [Fact]
    public void Restricted_actions_are_left_out_of_the_board_version_and_marked_in_the_managers()
    {
        var plan = Plan with { Actions = Plan.Actions.Select(a => a.Number == 5 ? a with { Restricted = true } : a).ToList() };
        var board = Html(ReportBuilder.Build(ReportData.Inputs(plan), ReportAudience.Board));
        var manager = Html(ReportBuilder.Build(ReportData.Inputs(plan), ReportAudience.Manager));
        Assert.Null(board.QuerySelector("#action-5"));
        Assert.Equal(27, board.QuerySelectorAll("table.plan tbody tr").Length);
        Assert.Equal("Restricted", manager.QuerySelector("#action-5 .restricted")!.TextContent);
        Assert.Equal(28, manager.QuerySelectorAll("table.plan tbody tr").Length);
    }

    [Fact]
    public void Performance_on_a_page_counts_status_rag_and_direction_against_the_previous_quarter()
    {
        var updates = ReportData.SampleUpdates();
        var previous = new[]
        {
            ReportData.Update(Plan.Id, 1, ProgressStatus.AtRisk, Rag.Red, "behind", "2018-19-Q3"),
            ReportData.Update(Plan.Id, 2, ProgressStatus.OnTrack, Rag.Green, "fine", "2018-19-Q3"),
        };
        var report = ReportBuilder.Build(ReportData.Inputs(updates: updates, previous: previous), ReportAudience.Board);
        var latest = updates.ToDictionary(u => u.ActionNumber);
        Assert.Equal(latest.Values.Count(u => u.Rag == Rag.Green), report.Overall.RagCount(Rag.Green));
        Assert.Equal(latest.Values.Count(u => u.Status == ProgressStatus.Complete), report.Overall.ByStatus.Single(c => c.Key == "Complete").Value);
        var direction = report.Overall.ByDirection.ToDictionary(c => c.Key, c => c.Value);
        var expectedAction2 = latest[2].Rag == Rag.Green ? "Same" : "Worse";
        Assert.Equal(1, direction["Improved"]);
        Assert.Equal(1, direction[expectedAction2]);
        Assert.Equal(26, direction["New"]);
        Assert.Equal(report.Sections.Sum(s => s.Summary.Received), report.Overall.Received);

        var doc = Html(report);
        var svg = doc.QuerySelector("svg[role=img]")!;
        Assert.Equal("chart-title chart-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Contains($"All priorities: 28 actions, {report.Overall.RagCount(Rag.Green)} green", doc.GetElementById("chart-desc")!.TextContent);
        Assert.Equal(Plan.Priorities.Count + 1, svg.QuerySelectorAll("text[x='0']").Length);
    }

    [Fact]
    public void A_late_update_is_shown_as_received_after_publication()
    {
        var publishedAt = ReportData.GivenAt.AddDays(1);
        var updates = ReportData.SampleUpdates().Append(ReportData.Update(Plan.Id, 1, ProgressStatus.Complete, Rag.Green, "Late news.", at: publishedAt.AddHours(2), version: 2)).ToList();
        var doc = Html(ReportBuilder.Build(ReportData.Inputs(updates: updates, publishedAt: publishedAt), ReportAudience.Manager));
        Assert.Equal("Received after publication", doc.QuerySelector("#action-1 .late")!.TextContent);
        Assert.Null(doc.QuerySelector("#action-2 .late"));
        Assert.Contains("Late news.", doc.QuerySelector("#action-1 td.progress")!.TextContent);
    }

    [Fact]
    public void A_script_in_any_text_stays_text_in_every_format()
    {
        const string Evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var plan = Plan with
        {
            Name = "Plan " + Evil,
            Introduction = "Intro " + Evil,
            Priorities = Plan.Priorities.Select(p => p with { Title = p.Title + Evil }).ToList(),
            Leads = Plan.Leads.Select(l => l with { Name = l.Name + Evil }).ToList(),
            Actions = Plan.Actions.Select(a => a with { Text = a.Text + "\n- " + Evil, Documents = [new LinkedDocument("Doc" + Evil, "https://example.org/\"><script>x</script>")] }).ToList(),
        };
        var updates = ReportData.SampleUpdates(plan).Select(u => u with { Text = Evil + "\n\n" + u.Text, GivenBy = "Lead" + Evil }).ToList();
        var report = ReportBuilder.Build(ReportData.Inputs(plan, updates), ReportAudience.Manager);
        var doc = Html(report);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.Contains(Evil, doc.QuerySelector("h1")!.TextContent);
        Assert.Contains(Evil, doc.QuerySelector("#action-1 td.progress")!.TextContent);
        Assert.All(doc.QuerySelectorAll("a[href]"), a => Assert.Equal("https://example.org/\"><script>x</script>", a.GetAttribute("href")));

        var markdown = ReportTemplates.Render(ReportTemplates.Markdown, report);
        Assert.DoesNotContain("<script", markdown);
        Assert.Contains("&lt;script&gt;", markdown);

        using var word = WordprocessingDocument.Open(new MemoryStream(ReportRenderer.Render(report, ReportFormat.Docx).Content), false);
        Assert.Contains(word.MainDocumentPart!.Document!.Body!.Descendants<W.Text>(), t => t.Text == plan.Name);
    }

    [Fact]
    public void Docx_has_the_seed_table_layout_and_reads_back_through_openxml()
    {
        var report = ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Board);
        using var word = WordprocessingDocument.Open(new MemoryStream(WordReport.Render(report)), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var table = body.Elements<W.Table>().Last();
        var rows = table.Elements<W.TableRow>().ToList();
        Assert.Equal(WordReport.Headers, rows[0].Elements<W.TableCell>().Select(c => c.InnerText));
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<W.TableHeader>());
        var priorityRows = rows.Where(r => r.Elements<W.TableCell>().Count() == 1).ToList();
        Assert.Equal(Plan.Priorities.Select(p => p.Title), priorityRows.Select(r => r.InnerText));
        Assert.All(priorityRows, r => Assert.Equal(5, r.GetFirstChild<W.TableCell>()!.TableCellProperties!.GridSpan!.Val!.Value));
        var actionRows = rows.Skip(1).Where(r => r.Elements<W.TableCell>().Count() == 5).ToList();
        Assert.Equal(Plan.Actions.Select(a => a.Number.ToString()), actionRows.Select(r => r.Elements<W.TableCell>().First().InnerText));
        Assert.Equal(Plan.Actions[0].Text, actionRows[0].Elements<W.TableCell>().ElementAt(1).InnerText);
        var size = body.GetFirstChild<W.SectionProperties>()!.GetFirstChild<W.PageSize>()!;
        Assert.Equal((16838u, 11906u, W.PageOrientationValues.Landscape), (size.Width!.Value, size.Height!.Value, size.Orient!.Value));
        Assert.Contains(body.Descendants<W.ParagraphStyleId>(), s => s.Val == "Heading1");
    }

    [Fact]
    public void Csv_has_one_row_per_action_and_neutralises_formulas()
    {
        var plan = Plan with { Actions = Plan.Actions.Select(a => a.Number == 1 ? a with { Text = "=HYPERLINK(\"http://evil\")" } : a).ToList() };
        var csv = CsvReport.Render(ReportBuilder.Build(ReportData.Inputs(plan), ReportAudience.Board));
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Plan.Actions.Select(a => a.Number.ToString()), records.Select(r => (string)r["number"]));
        Assert.Equal("'=HYPERLINK(\"http://evil\")", records[0]["action"]);
        Assert.Equal(ReportData.Sample.Updates.Single(u => u.ActionNumber == 3).Text, records[2]["progress"]);
    }

    [Fact]
    public void Markdown_has_a_table_per_priority_with_every_action()
    {
        var markdown = ReportTemplates.Render(ReportTemplates.Markdown, ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Board));
        var lines = markdown.Split('\n');
        Assert.Equal(Plan.Priorities.Select(p => "## " + p.Title), lines.Where(l => l.StartsWith("## ") && l != "## Performance on a page"));
        var actionNumbers = lines.Where(l => l.StartsWith("| ") && char.IsDigit(l[2])).Select(l => int.Parse(l[2..l.IndexOf(' ', 2)]));
        Assert.Equal(Plan.Actions.Select(a => a.Number), actionNumbers);
    }

    [Theory]
    [InlineData("Para one\nline two\n\n- a\n- b\n\nAfter", 3)]
    [InlineData("- only\n- bullets", 1)]
    [InlineData("", 0)]
    public void Text_blocks_split_paragraphs_and_bullets(string text, int blocks)
    {
        var parsed = TextBlocks.Parse(text);
        Assert.Equal(blocks, parsed.Count);
        Assert.Equal(text.Length == 0 ? "" : text, TextBlocks.ToPlainText(parsed));
    }
}
