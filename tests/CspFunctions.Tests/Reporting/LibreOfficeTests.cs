using System.Text;
using System.Text.RegularExpressions;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;

namespace CspFunctions.Tests.Reporting;

/// <summary>The Word report opened by a real word processor, not only parsed back by OpenXml.</summary>
public sealed partial class LibreOfficeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("csp-lo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

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

    private static int Find(string text, string piece, int from, string where)
    {
        var at = text.IndexOf(Squash(piece), from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{where}: '{piece}' is missing from LibreOffice's text, or out of order");
        return at;
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
