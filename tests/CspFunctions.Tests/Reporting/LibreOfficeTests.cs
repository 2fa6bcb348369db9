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

        var text = await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(docx, "txt:Text (encoded):UTF8"), Encoding.UTF8);
        Assert.Contains(report.PlanName, text);
        foreach (var row in report.Rows)
        {
            Assert.Contains(row.TextBlocks[0].Lines[0], text);
            if (row.Progress is { } progress) Assert.Contains(progress.Blocks[0].Lines[0], text);
        }
        Assert.Equal(28, report.Rows.Count());

        var pdf = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(await LibreOffice.ConvertAsync(docx, "pdf")));
        var pages = MediaBox().Matches(pdf).Select(m => (W: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(pages.Count >= 3, $"expected several pages, found {pages.Count}");
        Assert.All(pages, p => Assert.True(Math.Abs(p.W - 841.9) < 1.5 && Math.Abs(p.H - 595.3) < 1.5, $"page is {p.W} x {p.H} points, not A4 landscape"));
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
