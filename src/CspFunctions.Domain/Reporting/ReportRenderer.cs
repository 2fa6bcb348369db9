using System.Text;

namespace CspFunctions.Reporting;

/// <summary>One report in each format. The same report renders the same bytes.</summary>
public static class ReportRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool TryParse(string? text, out ReportFormat format)
    {
        format = (text ?? "html").Trim().ToLowerInvariant() switch
        {
            "" or "html" => ReportFormat.Html,
            "docx" or "word" => ReportFormat.Docx,
            "csv" => ReportFormat.Csv,
            "md" or "markdown" => ReportFormat.Markdown,
            _ => (ReportFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    public static RenderedReport Render(PlanReport report, ReportFormat format)
    {
        var name = $"{report.PlanId}-{report.RoundId}{(report.IsManagerVersion ? "-manager" : "")}";
        return format switch
        {
            ReportFormat.Html => new(Utf8.GetBytes(ReportTemplates.Render(ReportTemplates.Html, report)), "text/html; charset=utf-8", name + ".html"),
            ReportFormat.Docx => new(WordReport.Render(report), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx"),
            // A BOM lets Excel open UTF-8 CSV with the right characters.
            ReportFormat.Csv => new([.. Encoding.UTF8.GetPreamble(), .. Utf8.GetBytes(CsvReport.Render(report))], "text/csv; charset=utf-8", name + ".csv"),
            ReportFormat.Markdown => new(Utf8.GetBytes(ReportTemplates.Render(ReportTemplates.Markdown, report)), "text/markdown; charset=utf-8", name + ".md"),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }
}
