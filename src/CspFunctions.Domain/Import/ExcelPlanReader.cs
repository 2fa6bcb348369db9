using DocumentFormat.OpenXml.Packaging;

namespace CspFunctions.Import;

/// <summary>Reads a plan from an .xlsx workbook: the first sheet with a plan header row in its first 20 rows, the columns
/// by name (docs/import.md), merged ranges carried, priorities checked against a priorities list on another sheet.</summary>
public static class ExcelPlanReader
{
    public static PlanDocument Read(Stream xlsx, CsvPlanHeader header, string? roundId = null) => ReadPlan(xlsx, header, roundId).Document;

    public static PlanReading ReadPlan(Stream xlsx, CsvPlanHeader header, string? roundId)
    {
        IReadOnlyList<SourceTable> sheets;
        // The package is closed before the plan is built from its cells.
        using (var workbook = OfficeFile.Open(xlsx, "xlsx", ".xlsx", s => SpreadsheetDocument.Open(s, false)))
        {
            try { sheets = WorkbookTables.Read(workbook); }
            catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException or OpenXmlPackageException or IOException)
            {
                throw new PlanImportException([new ImportProblem(null, "xlsx", "the file is damaged and cannot be opened as an Excel workbook (.xlsx): open it in Excel, save it again and upload that copy")]);
            }
        }
        if (sheets.Count == 0) throw new PlanImportException([new ImportProblem(null, "xlsx", "the workbook has no worksheet")]);
        if (sheets.All(s => s.Rows.All(r => r.Cells.All(c => c.IsEmpty))))
            throw new PlanImportException([new ImportProblem(null, "xlsx", sheets.Count == 1 ? $"{sheets[0].Where} is empty" : "every sheet of the workbook is empty")]);
        return PlanTableReader.Read(sheets, header, roundId, findPriorityList: true);
    }
}
