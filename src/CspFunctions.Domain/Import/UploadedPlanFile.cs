using System.Text;

namespace CspFunctions.Import;

/// <summary>A plan file as the manager uploads it: the format comes from the file name (.docx, .xlsx, .csv, .json);
/// the plan's details come from the form for the formats that cannot carry them.</summary>
public static class UploadedPlanFile
{
    public static readonly string[] Extensions = [".docx", ".xlsx", ".csv", ".json"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static PlanDocument Read(string fileName, Stream content, CsvPlanHeader header, string? roundId)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".docx": return WordPlanReader.Read(content, header, roundId);
            case ".xlsx": return ExcelPlanReader.Read(content, header);
            case ".csv":
                using (var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true)) return PlanReader.ReadCsv(reader, header);
            case ".json": return PlanReader.ReadJson(content);
            default:
                throw new PlanImportException([new ImportProblem(null, "file", $"'{fileName}' is not a plan file: upload a {string.Join(", ", Extensions)} file")]);
        }
    }
}
