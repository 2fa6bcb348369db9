using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Import;

/// <summary>Reads a plan from the first Word table in the seed's layout: a header row (No. | Key actions and major projects |
/// Partnership Leads | Linked document | Progress), a row spanning the table for each priority, then one row per action.
/// Rows are numbered from the header (row 1) in problems. With a round id, progress cells that start with a
/// "Status · RAG Colour" line become that round's updates.</summary>
public static class WordPlanReader
{
    public static PlanDocument Read(Stream docx, CsvPlanHeader header, string? roundId = null)
    {
        WordprocessingDocument document;
        try { document = WordprocessingDocument.Open(docx, false); }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or ArgumentException)
        {
            throw new PlanImportException([new ImportProblem(null, "docx", "the file is not a Word document (.docx)")]);
        }
        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body;
            var table = body?.Descendants<Table>().FirstOrDefault(t => IsPlanHeader(t.Elements<TableRow>().FirstOrDefault()));
            if (table is null)
                throw new PlanImportException([new ImportProblem(null, "docx", $"no table with the header row {string.Join(" | ", WordReport.Headers)} was found")]);

            var doc = PlanSkeleton.From(header);
            var problems = new List<ImportProblem>();
            string? priorityId = null;
            var rowNumber = 0;
            foreach (var row in table.Elements<TableRow>())
            {
                rowNumber++;
                if (rowNumber == 1) continue;
                var cells = row.Elements<TableCell>().ToList();
                if (cells.Count == 0 || cells.All(c => CellText(c).Length == 0)) continue;
                if (cells.Count == 1 || cells.Skip(1).All(c => CellText(c).Length == 0) && !int.TryParse(FirstLine(cells[0]), out _))
                {
                    var title = CellText(cells[0]).Trim();
                    priorityId = PlanSkeleton.AddPriority(doc, title);
                    continue;
                }
                if (cells.Count < WordReport.Headers.Length)
                {
                    problems.Add(new ImportProblem(rowNumber, "docx", $"the row has {cells.Count} cells; an action row needs {WordReport.Headers.Length}"));
                    continue;
                }
                var numberLines = Lines(cells[0]);
                var numberText = numberLines.FirstOrDefault()?.Trim().TrimEnd('.') ?? "";
                int? number = int.TryParse(numberText, out var n) ? n : null;
                if (number is null) problems.Add(new ImportProblem(rowNumber, "number", $"'{numberText}' is not a whole number"));
                var leadIds = Lines(cells[2]).SelectMany(l => l.Split(';')).Select(l => l.Trim()).Where(l => l.Length > 0)
                    .Select(name => PlanSkeleton.AddLead(doc, name)).ToList();
                doc.Actions!.Add(new ActionDocument
                {
                    Number = number ?? -1,
                    PriorityId = priorityId,
                    Text = BlockText(cells[1], dropCarriedNote: true),
                    LeadIds = leadIds,
                    Documents = Lines(cells[3]).Where(l => l.Trim().Length > 0).Select(PlanSkeleton.Document).ToList(),
                    Restricted = numberLines.Skip(1).Any(l => l.Trim().Equals(WordReport.RestrictedMark, StringComparison.OrdinalIgnoreCase)),
                    SourceRow = rowNumber,
                });
                if (roundId is not null && ReadProgress(cells[4]) is { } progress)
                {
                    doc.Updates!.Add(new UpdateDocument
                    {
                        RoundId = roundId, ActionNumber = number, Status = progress.Status, Rag = progress.Rag, Text = progress.Text,
                        GivenBy = string.Join(", ", leadIds.Select(id => doc.Leads!.First(l => l.Id == id).Name)), SourceRow = rowNumber,
                    });
                }
            }
            return PlanSkeleton.Finish(doc, problems);
        }
    }

    private static bool IsPlanHeader(TableRow? row)
    {
        if (row is null) return false;
        var texts = row.Elements<TableCell>().Select(c => CellText(c).Trim()).ToList();
        return texts.Count >= WordReport.Headers.Length && texts[0].StartsWith("No", StringComparison.OrdinalIgnoreCase)
            && texts[1].StartsWith("Key action", StringComparison.OrdinalIgnoreCase);
    }

    private static (string Status, string Rag, string Text)? ReadProgress(TableCell cell)
    {
        var paragraphs = cell.Elements<Paragraph>().ToList();
        if (paragraphs.Count == 0) return null;
        var heading = ParagraphText(paragraphs[0]).Split(" · ");
        if (heading.Length < 2 || !ProgressStatusNames.TryParse(heading[0], out _) || !heading[1].StartsWith("RAG ", StringComparison.Ordinal)) return null;
        return (heading[0], heading[1][4..], BlockText(paragraphs.Skip(1), dropCarriedNote: false));
    }

    private static string BlockText(TableCell cell, bool dropCarriedNote) => BlockText(cell.Elements<Paragraph>(), dropCarriedNote);

    /// <summary>Paragraphs back to the plain-text form: blank lines between paragraphs, "- " for bullets (Word lists or "•" paragraphs).</summary>
    private static string BlockText(IEnumerable<Paragraph> paragraphs, bool dropCarriedNote)
    {
        var blocks = new List<TextBlock>();
        foreach (var p in paragraphs)
        {
            var text = ParagraphText(p);
            if (text.Trim().Length == 0) continue;
            if (dropCarriedNote && text.StartsWith("Carried forward from ", StringComparison.Ordinal)) continue;
            var isListItem = p.ParagraphProperties?.NumberingProperties is not null;
            var bullet = TextBlocks.BulletText(text.Trim());
            if (isListItem || bullet is not null)
            {
                var item = bullet ?? text.Trim();
                if (blocks.Count > 0 && blocks[^1].IsList) blocks[^1] = blocks[^1] with { Lines = [.. blocks[^1].Lines, item] };
                else blocks.Add(new TextBlock(TextBlockKind.BulletList, [item]));
            }
            else blocks.Add(new TextBlock(TextBlockKind.Paragraph, text.Split('\n').Select(l => l.Trim()).ToList()));
        }
        return TextBlocks.ToPlainText(blocks);
    }

    private static string ParagraphText(Paragraph p)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var e in p.Descendants())
        {
            if (e is Text t) sb.Append(t.Text);
            else if (e is Break or CarriageReturn) sb.Append('\n');
            else if (e is TabChar) sb.Append('\t');
        }
        return sb.ToString();
    }

    private static List<string> Lines(TableCell cell) => cell.Elements<Paragraph>().Select(ParagraphText).SelectMany(t => t.Split('\n')).ToList();
    private static string FirstLine(TableCell cell) => Lines(cell).FirstOrDefault()?.Trim().TrimEnd('.') ?? "";
    private static string CellText(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(ParagraphText));
}
