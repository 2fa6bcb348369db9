using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CspFunctions.Import;

/// <summary>Reads a plan from the first sheet of an .xlsx workbook with the CSV importer's columns (docs/import.md):
/// the sheet becomes CSV rows, row for row, so problems name the sheet's row numbers and validation is the CSV importer's.</summary>
public static class ExcelPlanReader
{
    public static PlanDocument Read(Stream xlsx, CsvPlanHeader header)
    {
        SpreadsheetDocument workbook;
        try { workbook = SpreadsheetDocument.Open(xlsx, false); }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException or ArgumentException)
        {
            throw new PlanImportException([new ImportProblem(null, "xlsx", "the file is not an Excel workbook (.xlsx)")]);
        }
        using (workbook)
        {
            var part = workbook.WorkbookPart;
            var firstSheet = part?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (part is null || firstSheet?.Id?.Value is not { } sheetId || part.GetPartById(sheetId) is not WorksheetPart sheetPart)
                throw new PlanImportException([new ImportProblem(null, "xlsx", "the workbook has no worksheet")]);
            var shared = part.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];

            using var csvText = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = new CsvWriter(csvText, CultureInfo.InvariantCulture))
            {
                var expectedRow = 1u;
                foreach (var row in sheetPart.Worksheet.Descendants<Row>())
                {
                    var index = row.RowIndex?.Value ?? expectedRow;
                    // Blank rows the sheet leaves out still count, so CSV row numbers stay the sheet's.
                    for (; expectedRow < index; expectedRow++) { csv.WriteField(""); csv.NextRecord(); }
                    var values = new SortedDictionary<int, string>();
                    var next = 0;
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                        values[column] = CellValue(cell, shared);
                        next = column + 1;
                    }
                    var width = values.Count == 0 ? 1 : values.Keys.Max() + 1;
                    for (var c = 0; c < width; c++) csv.WriteField(values.GetValueOrDefault(c, ""));
                    csv.NextRecord();
                    expectedRow = index + 1;
                }
            }
            return PlanReader.ReadCsv(new StringReader(csvText.ToString()), header);
        }
    }

    private static string CellValue(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString) return int.TryParse(raw, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "yes" : "no";
        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
