using System.Text;
using System.Text.RegularExpressions;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace CspFunctions.Tests.Reporting;

/// <summary>The Word report opened by a real word processor, not only parsed back by OpenXml.</summary>
public sealed partial class LibreOfficeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("csp-lo-").FullName;

    // CSP_KEEP_LO=1 keeps the converted files (/tmp/csp-lo-*) to look at.
    public void Dispose() { if (Environment.GetEnvironmentVariable("CSP_KEEP_LO") != "1") Directory.Delete(_dir, recursive: true); }

    [LibreOfficeFact]
    public async Task LibreOffice_opens_the_word_report_with_every_action_and_prints_it_on_a4_landscape()
    {
        var report = ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Manager);
        var docx = Path.Combine(_dir, "report.docx");
        await File.WriteAllBytesAsync(docx, ReportRenderer.Render(report, ReportFormat.Docx).Content);

        var text = Squash(await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(docx, "txt:Text (encoded):UTF8"), Encoding.UTF8));
        Assert.Contains(Squash(report.PlanName), text);
        Assert.Equal(28, report.Rows.Count());
        // Every piece of text the report holds comes out, in the report's order: each section title, then for each row its
        // number, every line of the action, the leads, the documents, and the progress cell (status and RAG line, every line of the text).
        var position = 0;
        foreach (var section in report.Sections)
        {
            position = Find(text, section.Title, position, "section title");
            foreach (var row in section.Rows)
            {
                var pieces = new List<string> { row.Number.ToString() };
                pieces.AddRange(row.TextBlocks.SelectMany(b => b.Lines));
                pieces.AddRange(row.Leads);
                pieces.AddRange(row.Documents.Select(d => d.Title));
                if (row.Progress is { } progress)
                {
                    pieces.Add(progress.Heading);
                    pieces.AddRange(progress.Blocks.SelectMany(b => b.Lines));
                }
                else pieces.Add(row.NoUpdateText);
                foreach (var piece in pieces) position = Find(text, piece, position, $"action {row.Number}");
            }
        }

        var pdf = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(await LibreOffice.ConvertAsync(docx, "pdf")));
        var pages = MediaBox().Matches(pdf).Select(m => (W: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(pages.Count >= 3, $"expected several pages, found {pages.Count}");
        Assert.All(pages, p => Assert.True(Math.Abs(p.W - 841.9) < 1.5 && Math.Abs(p.H - 595.3) < 1.5, $"page is {p.W} x {p.H} points, not A4 landscape"));
    }

    /// <summary>The Word report printed to PDF by LibreOffice reads as well as the web page, checked from the PDF with
    /// poppler's tools: no table header is broken inside a word, every action is there with all its text, the chart is drawn
    /// (and carries its figures and alternative text in the .docx), the first priority starts on the page of its heading,
    /// and every page is A4 landscape.</summary>
    [LibreOfficeFact]
    public async Task The_word_report_printed_to_pdf_keeps_headers_whole_and_shows_every_action_and_the_chart()
    {
        var report = ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Manager);
        var chart = PerformanceChart.For(report);
        var docx = Path.Combine(_dir, "printed.docx");
        await File.WriteAllBytesAsync(docx, ReportRenderer.Render(report, ReportFormat.Docx).Content);

        // The chart in the .docx: a chart drawing with alternative text, holding every bar's figures.
        using (var word = WordprocessingDocument.Open(docx, false))
        {
            var main = word.MainDocumentPart!;
            var drawing = Assert.Single(main.Document!.Body!.Descendants<DW.Inline>());
            Assert.Equal(chart.Description, drawing.DocProperties!.Description!.Value);
            Assert.False(string.IsNullOrWhiteSpace(drawing.DocProperties.Title?.Value), "the chart has no title for screen readers");
            var reference = drawing.Descendants<C.ChartReference>().Single();
            var chartPart = Assert.IsType<ChartPart>(main.GetPartById(reference.Id!.Value!));
            var series = chartPart.ChartSpace!.Descendants<C.BarChartSeries>().ToList();
            var categories = series[0].Descendants<C.CategoryAxisData>().Single().Descendants<C.StringPoint>().Select(p => p.InnerText).ToList();
            Assert.Equal(chart.Bars.Select(b => b.Label), categories);
            foreach (var s in series)
            {
                var name = s.Descendants<C.SeriesText>().Single().Descendants<C.StringPoint>().Single().InnerText;
                var values = s.Descendants<C.Values>().Single().Descendants<C.NumericPoint>()
                    .ToDictionary(p => (int)p.Index!.Value, p => int.Parse(p.InnerText, System.Globalization.CultureInfo.InvariantCulture));
                for (var i = 0; i < chart.Bars.Count; i++)
                    Assert.Equal(chart.Bars[i].Segments.SingleOrDefault(g => g.Label == name)?.Value ?? 0, values.GetValueOrDefault(i));
            }
            Assert.Equal(["Green", "Amber", "Red", "No update"], series.Select(s => s.Descendants<C.SeriesText>().Single().Descendants<C.StringPoint>().Single().InnerText));
        }

        var pdf = await LibreOffice.ConvertAsync(docx, "pdf");
        var text = await Poppler.RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");
        var pages = text.Split('\f');

        // Summary tables: from the first table's caption to the plan table's heading; plan table: the rest.
        var start = text.IndexOf(WordReport.SummaryCaptions[0], StringComparison.Ordinal);
        var end = text.IndexOf("Key actions and progress", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"the summary tables are missing from the PDF:\n{text}");
        var summaryHeaders = WordReport.SummaryHeaders(report).SelectMany(h => h).ToList();
        Assert.Contains("Outstanding", summaryHeaders);
        Assert.Contains("Carried forward", summaryHeaders);
        AssertWordsWhole(text[start..end], summaryHeaders, "summary");
        AssertWordsWhole(text[end..], WordReport.Headers, "plan table");

        // The chart is drawn: its title is only in the chart.
        Assert.Contains(WordReport.ChartTitle, text);

        // Every action with all its text, its leads and its progress cell. Compared on letters and digits only: pdftotext
        // joins a word hyphenated at a line's end ("anti-" / "social" comes out "antisocial").
        var squashed = LettersAndDigits(text);
        foreach (var row in report.Rows)
        {
            var pieces = row.TextBlocks.SelectMany(b => b.Lines).Concat(row.Leads).Concat(row.Documents.Select(d => d.Title))
                .Concat(row.Progress is { } p ? p.Blocks.SelectMany(b => b.Lines).Prepend(p.Heading) : [row.NoUpdateText]);
            foreach (var piece in pieces)
                Assert.True(squashed.Contains(LettersAndDigits(piece), StringComparison.Ordinal), $"action {row.Number}: '{piece}' is missing from the PDF");
        }

        // The plan table's heading, the first priority and its first action start on one page.
        var first = report.Sections[0];
        var headingPage = pages.Single(p => p.Contains("Key actions and progress", StringComparison.Ordinal));
        Assert.Contains(Squash(first.Title), Squash(headingPage));
        Assert.Contains(Squash(first.Rows[0].TextBlocks[0].Lines[0]), Squash(headingPage));

        var info = await Poppler.RunAsync("pdfinfo", "-f", "1", "-l", "9999", pdf);
        var sizes = PageSize().Matches(info).Select(m => (W: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(sizes.Count >= 3 && sizes.Count == pages.Count(p => p.Trim().Length > 0), $"expected several pages, one per page of text:\n{info}");
        Assert.All(sizes, p => Assert.True(Math.Abs(p.W - 841.9) < 1.5 && Math.Abs(p.H - 595.3) < 1.5, $"page is {p.W} x {p.H} points, not A4 landscape"));
    }

    /// <summary>Each word of each header appears whole, and no header word is split across two lines ("Action" / "s").</summary>
    private static void AssertWordsWhole(string text, IEnumerable<string> headers, string table)
    {
        foreach (var word in headers.SelectMany(h => h.Split(' ')).Distinct())
        {
            Assert.True(Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(word)}(?!\p{{L}})"), $"{table} header word '{word}' is missing or broken in the PDF:\n{text}");
            for (var cut = 1; cut < word.Length; cut++)
            {
                var broken = $@"(?<!\p{{L}}){Regex.Escape(word[..cut])}[ \t]*\n\s*{Regex.Escape(word[cut..])}(?!\p{{L}})";
                Assert.False(Regex.IsMatch(text, broken), $"{table} header word '{word}' is broken across lines as '{word[..cut]}' / '{word[cut..]}' in the PDF:\n{text}");
            }
        }
    }

    private static int Find(string text, string piece, int from, string where)
    {
        var at = text.IndexOf(Squash(piece), from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{where}: '{piece}' is missing from LibreOffice's text, or out of order");
        return at;
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    private static string LettersAndDigits(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts")]
    private static partial Regex PageSize();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
