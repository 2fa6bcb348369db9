using System.Globalization;
using CsvHelper;

namespace CspFunctions.Reporting;

/// <summary>One row per action, in the same columns the CSV importer reads (docs/import.md), plus the lead's name and date.</summary>
public static class CsvReport
{
    public static readonly string[] Columns = ["priority", "number", "action", "leads", "documents", "restricted", "round", "status", "rag", "progress", "given by", "given on", "received after publication"];

    public static string Render(PlanReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var c in Columns) csv.WriteField(c);
            csv.NextRecord();
            foreach (var section in report.Sections)
            {
                foreach (var row in section.Rows)
                {
                    csv.WriteField(Safe(section.Title));
                    csv.WriteField(row.Number);
                    csv.WriteField(Safe(row.Text));
                    csv.WriteField(Safe(string.Join("; ", row.Leads)));
                    csv.WriteField(Safe(string.Join("; ", row.Documents.Select(d => d.Url is null ? d.Title : $"{d.Title} <{d.Url}>"))));
                    csv.WriteField(row.Restricted ? "yes" : "no");
                    csv.WriteField(report.RoundId);
                    csv.WriteField(row.Progress?.StatusWord ?? "");
                    csv.WriteField(row.Progress?.RagWord ?? "");
                    csv.WriteField(Safe(row.Progress?.Text ?? row.NoUpdateText));
                    csv.WriteField(Safe(row.Progress?.GivenBy ?? ""));
                    csv.WriteField(row.Progress?.GivenOn ?? "");
                    csv.WriteField(row.Progress?.ReceivedAfterPublication == true ? "yes" : "no");
                    csv.NextRecord();
                }
            }
        }
        return writer.ToString();
    }

    /// <summary>Spreadsheets run a cell starting with = + - @ as a formula; a leading apostrophe keeps it text (OWASP CSV injection).</summary>
    public static string Safe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '@' or '\t' or '\r' || (text.StartsWith('-') && !text.StartsWith("- ", StringComparison.Ordinal))
            ? "'" + text
            : text;
}
