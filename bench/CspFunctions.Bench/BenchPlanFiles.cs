using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace CspFunctions.Bench;

/// <summary>
/// Plans laid out as councils write them, for the import benchmark: a title and a note above the header, references under
/// their priorities (1.1 ... 10.100), two leads in one cell, an email column, a linked document, progress of three
/// paragraphs and a RAG word. The workbook uses shared strings as Excel does; the Word plan has a glossary table before
/// the plan table and priority rows spanning it (gridSpan).
/// </summary>
public static class BenchPlanFiles
{
    private const int Priorities = 10;

    private static string Reference(int i) => $"{i / (1000 / Priorities) % Priorities + 1}.{i % (1000 / Priorities) + 1}";
    private static string Priority(int p) => $"Priority {p}: reducing harm in the town centre and the estates";
    private static string Action(int i) => $"Deliver the partnership's plan for action {Reference(i)}: work with schools, licensing and youth services & report to the board (£{i},000).";
    private static string Leads(int i) => $"Bedfordshire Police; Lead agency {i % 37}, Community Safety Partnership";
    private static string Emails(int i) => $"police{i % 11}@example.org; agency{i % 37}@example.org";
    private static string Document(int i) => $"Strategy document {i % 23}";
    private static readonly string[] Rags = ["Green", "Amber", "Red"];

    private static string[] Progress(int i) =>
    [
        $"Quarter update for {Reference(i)}: the sub-group met twice and agreed the delivery plan.",
        "Activity has included a communications campaign, training for 40 officers and a review of referrals.",
        $"Referrals are up {i % 30}% on last quarter; next steps are agreed with partners.",
    ];

    private static int PriorityOf(int i) => i / (1000 / Priorities) % Priorities + 1;

    public static byte[] Workbook(int actions)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new X.Workbook();
            var strings = new Dictionary<string, int>();
            var table = new X.SharedStringTable();
            X.Cell Text(string reference, string text)
            {
                if (!strings.TryGetValue(text, out var index))
                {
                    index = strings[text] = strings.Count;
                    table.AppendChild(new X.SharedStringItem(new X.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                }
                return new X.Cell { CellReference = reference, DataType = X.CellValues.SharedString, CellValue = new X.CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            }

            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new X.SheetData();
            data.AppendChild(new X.Row(Text("A1", "Community Safety Partnership delivery plan 2024-25")) { RowIndex = 1 });
            data.AppendChild(new X.Row(Text("A2", "Updated quarterly by the partnership leads.")) { RowIndex = 2 });
            string[] headers = ["No", "Priority", "Key action", "Leads", "Lead email", "Linked documents", "Progress update", "RAG"];
            data.AppendChild(new X.Row(headers.Select((h, c) => Text($"{(char)('A' + c)}4", h))) { RowIndex = 4 });
            for (var i = 0; i < actions; i++)
            {
                var r = (uint)(5 + i);
                data.AppendChild(new X.Row(
                    Text($"A{r}", Reference(i)), Text($"B{r}", Priority(PriorityOf(i))), Text($"C{r}", Action(i)), Text($"D{r}", Leads(i)),
                    Text($"E{r}", Emails(i)), Text($"F{r}", Document(i)), Text($"G{r}", string.Join("\n", Progress(i))), Text($"H{r}", Rags[i % 3])) { RowIndex = r });
            }
            sheet.Worksheet = new X.Worksheet(data);
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
            workbook.Workbook.AppendChild(new X.Sheets(new X.Sheet { Name = "Plan", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }
        return stream.ToArray();
    }

    public static byte[] Word(int actions)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            body.AppendChild(Paragraph("Community Safety Partnership delivery plan 2024-25"));
            body.AppendChild(Table(2, [["Term", "Meaning"], ["MARAC", "Multi-agency risk assessment conference"], ["LSAB", "Local Safeguarding Adult Board"]]));
            body.AppendChild(Paragraph("Key actions"));
            string[] headers = ["No.", "Key actions and major projects", "Partnership Leads", "Lead email", "Linked document", "Progress", "RAG"];
            var plan = new W.Table(new W.TableGrid(headers.Select(_ => new W.GridColumn { Width = "1400" })));
            plan.AppendChild(Row(headers.Select(h => Cell(h))));
            var priority = 0;
            for (var i = 0; i < actions; i++)
            {
                if (PriorityOf(i) != priority)
                {
                    priority = PriorityOf(i);
                    plan.AppendChild(Row([Cell(Priority(priority), span: headers.Length)]));
                }
                var leads = Leads(i).Split("; ");
                plan.AppendChild(Row([Cell(Reference(i) + "."), Cell(Action(i)), Cell(leads), Cell(Emails(i)), Cell(Document(i)), Cell(Progress(i)), Cell(Rags[i % 3])]));
            }
            body.AppendChild(plan);
            main.Document = new W.Document(body);
        }
        return stream.ToArray();
    }

    private static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static W.TableRow Row(IEnumerable<W.TableCell> cells) => new(cells);

    private static W.TableCell Cell(string text, int span = 1) => Cell([text], span);

    private static W.TableCell Cell(IEnumerable<string> paragraphs, int span = 1)
    {
        var cell = new W.TableCell();
        if (span > 1) cell.AppendChild(new W.TableCellProperties(new W.GridSpan { Val = span }));
        foreach (var p in paragraphs) cell.AppendChild(Paragraph(p));
        return cell;
    }

    private static W.Table Table(int columns, string[][] rows)
    {
        var table = new W.Table(new W.TableGrid(Enumerable.Range(0, columns).Select(_ => new W.GridColumn { Width = "3000" })));
        foreach (var row in rows) table.AppendChild(Row(row.Select(t => Cell(t))));
        return table;
    }
}
