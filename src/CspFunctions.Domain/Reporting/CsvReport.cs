using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CspFunctions.Reporting;

/// <summary>One row per action, in the same columns the CSV importer reads (docs/import.md), plus the lead's name and date.</summary>
public static class CsvReport
{
    public static readonly string[] Columns = ["priority", "number", "action", "leads", "documents", "restricted", "round", "status", "rag", "progress", "given by", "given on", "received after publication"];

    public static string Render(PlanReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        // CsvHelper's own guard: every field starting with = + - @, tab or CR gets a leading apostrophe (OWASP CSV injection).
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var c in Columns) csv.WriteField(c);
            csv.NextRecord();
            foreach (var section in report.Sections)
            {
                foreach (var row in section.Rows)
                {
                    csv.WriteField(section.Title);
                    csv.WriteField(row.Ref);
                    csv.WriteField(row.Text);
                    csv.WriteField(string.Join("; ", row.Leads));
                    csv.WriteField(string.Join("; ", row.Documents.Select(d => d.Url is null ? d.Title : $"{d.Title} <{d.Url}>")));
                    csv.WriteField(row.Restricted ? "yes" : "no");
                    csv.WriteField(report.RoundId);
                    csv.WriteField(row.Progress?.StatusWord ?? "");
                    csv.WriteField(row.Progress?.RagWord ?? "");
                    csv.WriteField(row.Progress?.Text ?? row.NoUpdateText);
                    csv.WriteField(row.Progress?.GivenBy ?? "");
                    csv.WriteField(row.Progress?.GivenOn ?? "");
                    csv.WriteField(row.Progress?.ReceivedAfterPublication == true ? "yes" : "no");
                    csv.NextRecord();
                }
            }
        }
        return writer.ToString();
    }
}
