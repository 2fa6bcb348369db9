using CspFunctions.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace CspFunctions.Tests.Plans;

/// <summary>A number cell reads as Excel shows it under its number format: "1.10" typed into a 0.00 cell is stored as 1.1 but
/// is the reference 1.10, not a second 1.1.</summary>
public sealed class CellNumberFormatTests
{
    [Theory]
    [InlineData(1.1, "0.00", "1.10")]
    [InlineData(1.1, "0.0", "1.1")]
    [InlineData(1.1000000000000003, "0.00", "1.10")]
    [InlineData(3, "0.00", "3.00")]
    [InlineData(7, "000", "007")]
    [InlineData(12000, "#,##0", "12,000")]
    [InlineData(1234.5, "#,##0.00", "1,234.50")]
    [InlineData(0.45, "0%", "45%")]
    [InlineData(1.25, "0.0#", "1.25")]
    [InlineData(1.2, "0.0#", "1.2")]
    [InlineData(2.5, "0.00_);[Red](0.00)", "2.50 ")]
    [InlineData(-2.5, "0.00_);[Red](0.00)", "(2.50)")]
    [InlineData(4, "\"Action \"0", "Action 4")]
    [InlineData(4.1, "[$-809]0.00", "4.10")]
    [InlineData(12345, "0.00E+00", "1.23E+04")]
    [InlineData(1.1, "General", "1.1")]
    [InlineData(1.1, "@", "1.1")]
    [InlineData(0.5, "# ?/?", "0.5")]
    [InlineData(12.0, null, "12")]
    public void A_number_shows_as_its_format_writes_it(double value, string? code, string shown) =>
        Assert.Equal(shown, CellNumberFormat.Show(value, code));

    [Fact]
    public void Built_in_formats_by_id_are_the_ones_excel_uses()
    {
        Assert.Equal("0.00", CellNumberFormat.BuiltIn(2));
        Assert.Equal("#,##0", CellNumberFormat.BuiltIn(3));
        Assert.Null(CellNumberFormat.BuiltIn(0)); // General
        Assert.Null(CellNumberFormat.BuiltIn(14)); // a date, read as a date
    }

    [Fact]
    public void References_in_number_cells_read_as_each_cell_shows_them_so_1_10_is_not_1_1()
    {
        // 1.1 to 1.9 in a custom 0.0 format, 1.10 (stored 1.1) in the built-in 0.00, 1.11 in General, 2 shown as 2.00, 3 shown as 003.
        var rows = new (double Value, uint Style)[] { (1.1, 2), (1.2, 2), (1.3, 2), (1.4, 2), (1.5, 2), (1.6, 2), (1.7, 2), (1.8, 2), (1.9, 2), (1.1, 1), (1.11, 0), (2, 1), (3, 3) };
        using var stream = new MemoryStream(Workbook(rows));
        var reading = UploadedPlanFile.ReadPlan("numbers.xlsx", stream, PlanCorpusTests.Header, null);
        var plan = reading.Validated!.Plan;
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "2", "3"], plan.Actions.Select(a => a.Ref));
        Assert.Equal("Action in row 11", plan.Actions.Single(a => a.Ref == "1.10").Text);
        Assert.Equal(2, plan.Actions.Single(a => a.Ref == "2").Number);
    }

    private static byte[] Workbook((double Value, uint Style)[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new X.Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new X.Stylesheet(
                new X.NumberingFormats(new X.NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" }, new X.NumberingFormat { NumberFormatId = 165, FormatCode = "000" }) { Count = 2 },
                new X.Fonts(new X.Font()) { Count = 1 },
                new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None })) { Count = 1 },
                new X.Borders(new X.Border()) { Count = 1 },
                new X.CellFormats(
                    new X.CellFormat { NumberFormatId = 0 },
                    new X.CellFormat { NumberFormatId = 2, ApplyNumberFormat = true },
                    new X.CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new X.CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 4 });
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new X.SheetData();
            X.Cell Text(string reference, string text) => new() { CellReference = reference, DataType = X.CellValues.InlineString, InlineString = new X.InlineString(new X.Text(text)) };
            data.AppendChild(new X.Row(Text("A1", "Ref"), Text("B1", "Action"), Text("C1", "Lead")) { RowIndex = 1 });
            for (var i = 0; i < rows.Length; i++)
            {
                var r = (uint)(i + 2);
                data.AppendChild(new X.Row(
                    new X.Cell { CellReference = $"A{r}", StyleIndex = rows[i].Style, CellValue = new X.CellValue(rows[i].Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) },
                    Text($"B{r}", $"Action in row {r}"), Text($"C{r}", "Community Safety Team")) { RowIndex = r });
            }
            sheet.Worksheet = new X.Worksheet(data);
            workbook.Workbook.AppendChild(new X.Sheets(new X.Sheet { Name = "Plan", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }
        return stream.ToArray();
    }
}
