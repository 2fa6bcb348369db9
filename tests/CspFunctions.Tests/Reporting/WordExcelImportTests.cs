using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace CspFunctions.Tests.Reporting;

/// <summary>Plans from Word and Excel, and back: a report exported as .docx imports as the same plan.</summary>
public sealed class WordExcelImportTests
{
    private static readonly Plan Plan = ReportData.Sample.Plan;
    private static readonly CsvPlanHeader Header = new("luton-2018-19", Plan.Name, 2018, "CSP Manager", "csp.manager@example.org", Plan.Introduction);

    /// <summary>What the upload form supplies beside a Word file: nothing here comes from the plan, so whatever the round
    /// trip gets right, the .docx carried.</summary>
    private static readonly CsvPlanHeader UploadForm = new("from-the-form", "Name typed on the form", 2018, "Form Manager", "form.manager@example.org", null);

    private static ValidatedPlan RoundTrip(ReportAudience audience, Plan plan, string? round = null)
    {
        var docx = WordReport.Render(ReportBuilder.Build(ReportData.Inputs(plan), audience));
        return PlanValidator.Validate(WordPlanReader.Read(new MemoryStream(docx), UploadForm, round));
    }

    [Fact]
    public void A_docx_report_imports_back_to_the_same_plan()
    {
        // Only what the .docx itself carries: priorities, action numbers, text, restricted marks, lead names, documents.
        // Lead ids, contacts, the plan name and the managers are not in the table (KnownLeads and the form supply them).
        var back = RoundTrip(ReportAudience.Manager, Plan).Plan;
        string PriorityTitle(Plan p, string id) => p.Priorities.Single(x => x.Id == id).Title;
        string LeadNames(Plan p, PlanAction a) => string.Join("|", a.LeadIds.Select(id => p.FindLead(id)!.Name));
        Assert.Equal(Plan.Priorities.Select(p => p.Title), back.Priorities.Select(p => p.Title));
        Assert.Equal(Plan.Actions.Select(a => (a.Number, PriorityTitle(Plan, a.PriorityId), a.Text, a.Restricted)),
            back.Actions.Select(a => (a.Number, PriorityTitle(back, a.PriorityId), a.Text, a.Restricted)));
        Assert.Equal(Plan.Actions.Select(a => LeadNames(Plan, a)), back.Actions.Select(a => LeadNames(back, a)));
        Assert.Equal(Plan.Actions.Select(a => string.Join("|", a.Documents)), back.Actions.Select(a => string.Join("|", a.Documents)));
        Assert.Equal(Plan.Leads.Where(l => Plan.Actions.Any(a => a.LeadIds.Contains(l.Id))).Select(l => l.Name).Order(), back.Leads.Select(l => l.Name).Order());
        Assert.All(back.Leads, l => Assert.Empty(l.Contacts)); // no contact is invented
        Assert.Equal((UploadForm.Name, "form.manager@example.org"), (back.Name, back.Managers.Single().Email)); // from the form, not the file
    }

    [Fact]
    public void Restricted_marks_and_progress_survive_the_round_trip()
    {
        var plan = Plan with { Actions = Plan.Actions.Select(a => a.Number == 7 ? a with { Restricted = true } : a).ToList() };
        var back = RoundTrip(ReportAudience.Manager, plan, "2018-19-Q4");
        Assert.True(back.Plan.Actions.Single(a => a.Number == 7).Restricted);
        Assert.Equal(1, back.Plan.Actions.Count(a => a.Restricted));
        Assert.Equal(ReportData.Sample.Updates.Select(u => (u.ActionNumber, u.Status, u.Rag, u.Text)), back.Updates.Select(u => (u.ActionNumber, u.Status, u.Rag, u.Text)));
    }

    [Fact]
    public void A_docx_with_a_bad_row_reports_every_problem_with_its_row_and_imports_nothing()
    {
        var docx = WordReport.Render(ReportBuilder.Build(ReportData.Inputs(Plan with
        {
            Actions = Plan.Actions.Select(a => a.Number == 2 ? a with { Number = 1 } : a).ToList(),
        }), ReportAudience.Board));
        var ex = Assert.Throws<PlanImportException>(() => PlanValidator.Validate(WordPlanReader.Read(new MemoryStream(docx), Header)));
        // Header row 1, priority row 2, action 1 on row 3, the duplicate on row 4.
        Assert.Contains(ex.Problems, p => p.Row == 4 && p.Message.Contains("action number 1 is used twice (first at row 3)"));
    }

    [Fact]
    public void Not_a_word_document_is_a_clear_problem()
    {
        var ex = Assert.Throws<PlanImportException>(() => WordPlanReader.Read(new MemoryStream("hello"u8.ToArray()), Header));
        Assert.Equal("the file is not a Word document (.docx)", Assert.Single(ex.Problems).Message);
        var xl = Assert.Throws<PlanImportException>(() => ExcelPlanReader.Read(new MemoryStream("hello"u8.ToArray()), Header));
        Assert.Equal("the file is not an Excel workbook (.xlsx)", Assert.Single(xl.Problems).Message);
    }

    [Fact]
    public void An_xlsx_sheet_with_the_csv_columns_imports_the_plan()
    {
        var rows = new List<string[]> { new[] { "priority", "number", "action", "leads", "round", "status", "rag", "progress" } };
        foreach (var a in Plan.Actions)
        {
            var u = ReportData.Sample.Updates.Single(x => x.ActionNumber == a.Number);
            rows.Add([Plan.Priorities.Single(p => p.Id == a.PriorityId).Title, a.Number.ToString(), a.Text, string.Join("; ", a.LeadIds.Select(id => Plan.FindLead(id)!.Name)), u.RoundId, u.Status.ToString(), u.Rag.ToString(), u.Text]);
        }
        var plan = PlanValidator.Validate(ExcelPlanReader.Read(new MemoryStream(Workbook(rows, numbersAsNumbers: true)), Header));
        Assert.Equal(Plan.Actions.Select(a => (a.Number, a.PriorityId, a.Text)), plan.Plan.Actions.Select(a => (a.Number, a.PriorityId, a.Text)));
        Assert.Equal(28, plan.Updates.Count);
    }

    [Fact]
    public void An_xlsx_with_problems_names_the_sheet_rows()
    {
        var rows = new List<string[]>
        {
            new[] { "priority", "number", "action" },
            new[] { "Safety", "1", "First" },
            new[] { "Safety", "one", "Second" },
            new[] { "Safety", "3", "" },
        };
        var ex = Assert.Throws<PlanImportException>(() => ExcelPlanReader.Read(new MemoryStream(Workbook(rows, numbersAsNumbers: false)), Header));
        Assert.Contains(ex.Problems, p => p.Row == 3 && p.Field == "actions.number");
        Assert.Contains(ex.Problems, p => p.Row == 4 && p.Field == "actions.text");
    }

    /// <summary>A real .xlsx as Excel writes it: shared strings, numbers as numbers.</summary>
    private static byte[] Workbook(List<string[]> rows, bool numbersAsNumbers)
    {
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new S.Workbook();
            var strings = wb.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new S.SharedStringTable();
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            var data = new S.SheetData();
            var index = new Dictionary<string, int>();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new S.Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var value = rows[r][c];
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (value.Length == 0) continue;
                    if (numbersAsNumbers && int.TryParse(value, out _))
                    {
                        row.Append(new S.Cell { CellReference = reference, CellValue = new S.CellValue(value) });
                        continue;
                    }
                    if (!index.TryGetValue(value, out var i))
                    {
                        i = index[value] = index.Count;
                        strings.SharedStringTable.Append(new S.SharedStringItem(new S.Text(value) { Space = SpaceProcessingModeValues.Preserve }));
                    }
                    row.Append(new S.Cell { CellReference = reference, DataType = S.CellValues.SharedString, CellValue = new S.CellValue(i.ToString()) });
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new S.Worksheet(data);
            wb.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "Plan" }));
        }
        return buffer.ToArray();
    }
}
