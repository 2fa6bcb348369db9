using DocumentFormat.OpenXml.Packaging;

namespace CspFunctions.Import;

/// <summary>Reads a plan from a .docx: the first table whose header row names the plan's columns (glossaries, contact lists
/// and sign-off tables around it are ignored), priorities from rows spanning the table or a priority column, vertical merges
/// carried, bullet numbering as "- " items, hyperlinks kept. Rows are numbered within the table, from 1.</summary>
public static class WordPlanReader
{
    public static PlanDocument Read(Stream docx, CsvPlanHeader header, string? roundId = null) => ReadPlan(docx, header, roundId).Document;

    public static PlanReading ReadPlan(Stream docx, CsvPlanHeader header, string? roundId)
    {
        IReadOnlyList<SourceTable> tables;
        // The document (its whole element tree) is closed before the plan is built from its cells, so the garbage collector
        // does not copy that tree about while the plan's own objects are made.
        using (var document = OfficeFile.Open(docx, "docx", ".docx", s => WordprocessingDocument.Open(s, false)))
        {
            try { tables = WordTables.Read(document); }
            catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException or OpenXmlPackageException or IOException)
            {
                throw new PlanImportException([new ImportProblem(null, "docx", "the file is damaged and cannot be opened as a Word document (.docx): open it in Word, save it again and upload that copy")]);
            }
        }
        if (tables.Count == 0) throw new PlanImportException([new ImportProblem(null, "docx", "the document has no table: the plan must be a table with a header row (No. | Key action | Lead | Progress ...)")]);
        return PlanTableReader.Read(tables, header, roundId);
    }
}
