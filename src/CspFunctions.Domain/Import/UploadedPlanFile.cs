using System.Text;

namespace CspFunctions.Import;

/// <summary>A plan file as the manager uploads it or posts it: the format comes from the file name (.docx, .xlsx, .csv, .json);
/// the plan's details come from the form for the formats that cannot carry them, and progress in a table is for
/// <c>roundId</c> (the caller's default is <see cref="ImportRound.Default"/>).</summary>
public static class UploadedPlanFile
{
    public static readonly string[] Extensions = [".docx", ".xlsx", ".csv", ".json"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static PlanDocument Read(string fileName, Stream content, CsvPlanHeader header, string? roundId) => ReadPlan(fileName, content, header, roundId).Document;

    public static PlanReading ReadPlan(string fileName, Stream content, CsvPlanHeader header, string? roundId) =>
        FormatOf(fileName) is { } format ? ReadPlan(format, content, header, roundId)
            : throw new PlanImportException([new ImportProblem(null, "file", $"'{fileName}' is not a plan file: upload a {string.Join(", ", Extensions)} file")]);

    public static PlanReading ReadPlan(PlanFormat format, Stream content, CsvPlanHeader header, string? roundId)
    {
        switch (format)
        {
            case PlanFormat.Docx: return WordPlanReader.ReadPlan(content, header, roundId);
            case PlanFormat.Xlsx: return ExcelPlanReader.ReadPlan(content, header, roundId);
            case PlanFormat.Csv:
                using (var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true)) return PlanReader.ReadCsvPlan(reader, header, roundId);
            default: return PlanReading.Of(PlanReader.ReadJson(content));
        }
    }

    public static PlanFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".docx" => PlanFormat.Docx,
        ".xlsx" => PlanFormat.Xlsx,
        ".csv" => PlanFormat.Csv,
        ".json" => PlanFormat.Json,
        _ => null,
    };
}
