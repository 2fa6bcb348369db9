using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CspFunctions.Import;

/// <summary>Every table of a Word document, in document order, as grids of cells: gridSpan and gridBefore place cells in
/// their columns, a vertically merged cell (vMerge) carries the text of the cell it continues, a cell spanning the whole row
/// is marked, bullet numbering becomes list items, and hyperlinks keep their addresses.</summary>
public static class WordTables
{
    public static IReadOnlyList<SourceTable> Read(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart;
        var body = main?.Document?.Body;
        if (main is null || body is null) return [];
        var lists = new WordLists(main);
        var tables = new List<SourceTable>();
        var index = 0;
        foreach (var table in body.Descendants<Table>())
        {
            index++;
            tables.Add(ReadTable(table, index, main, lists));
        }
        return tables;
    }

    // Runs once per table over every row: compiled optimised at its first call (see PlanTableReader.Read).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static SourceTable ReadTable(Table table, int index, MainDocumentPart main, WordLists lists)
    {
        var rows = new List<SourceRow>();
        var above = new Dictionary<int, SourceCell>();
        var gridWidth = table.Elements<TableGrid>().FirstOrDefault()?.Elements<GridColumn>().Count() ?? 0;
        var number = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            number++;
            var cells = new List<SourceCell>();
            var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (var i = 0; i < column; i++) cells.Add(SourceCell.Empty);
            var physical = 0;
            var widest = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                physical++;
                var span = Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                widest = Math.Max(widest, span);
                var merge = cell.TableCellProperties?.VerticalMerge;
                SourceCell value;
                if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                    value = above.GetValueOrDefault(column, SourceCell.Empty);
                else
                    value = new SourceCell(Paragraphs(cell, main, lists), linesAreItems: false, Fill(cell));
                for (var s = 0; s < span; s++)
                {
                    above[column] = value;
                    // Only the first column of a span carries the text, so a spanning title is not read as every column's value.
                    cells.Add(s == 0 ? value : SourceCell.Empty);
                    column++;
                }
            }
            var width = Math.Max(gridWidth, column);
            var spanning = physical == 1 && width > 1 && widest >= width - (row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0);
            rows.Add(new SourceRow(number, cells, spanning));
        }
        return new SourceTable($"table {index}", "table row", rows);
    }

    private static string? Fill(TableCell cell)
    {
        var fill = cell.TableCellProperties?.Shading?.Fill?.Value;
        return fill is null || fill.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : fill;
    }

    /// <summary>The cell's paragraphs, including those of content controls and tables nested in it.</summary>
    private static List<CellParagraph> Paragraphs(OpenXmlElement container, MainDocumentPart main, WordLists lists)
    {
        var result = new List<CellParagraph>();
        Walk(container);
        return result;

        void Walk(OpenXmlElement element)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Paragraph p:
                        var (text, urls) = ParagraphText(p, main);
                        var (bullet, mark) = lists.Kind(p);
                        result.Add(new CellParagraph(text, bullet, urls, mark));
                        break;
                    case TableCellProperties:
                        break;
                    default:
                        Walk(child);
                        break;
                }
            }
        }
    }

    /// <summary>A paragraph's text as the reader sees it: runs, hyperlinks, fields' results, insertions; soft breaks as '\n';
    /// no deleted text, field codes, drawings or text boxes.</summary>
    private static (string Text, List<string> Urls) ParagraphText(Paragraph paragraph, MainDocumentPart main)
    {
        var sb = new System.Text.StringBuilder();
        var urls = new List<string>();
        Walk(paragraph);
        return (sb.ToString(), urls);

        void Walk(OpenXmlElement element)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text t: sb.Append(t.Text); break;
                    case Break br when br.Type?.Value != BreakValues.Page && br.Type?.Value != BreakValues.Column: sb.Append('\n'); break;
                    case Break: sb.Append(' '); break;
                    case CarriageReturn: sb.Append('\n'); break;
                    case TabChar or PositionalTab: sb.Append(' '); break;
                    case NoBreakHyphen: sb.Append('-'); break;
                    case SymbolChar sym when sym.Char?.Value is { } code && TryChar(code, out var c): sb.Append(c); break;
                    case Hyperlink link:
                        if (link.Id?.Value is { } id && main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id) is { } rel) urls.Add(rel.Uri.IsAbsoluteUri ? rel.Uri.AbsoluteUri : rel.Uri.OriginalString);
                        Walk(link);
                        break;
                    case SimpleField field:
                        if (HyperlinkTarget(field.Instruction?.Value) is { } target) urls.Add(target);
                        Walk(field);
                        break;
                    case FieldCode code:
                        if (HyperlinkTarget(code.Text) is { } fieldTarget) urls.Add(fieldTarget);
                        break;
                    case ParagraphProperties or RunProperties or DeletedRun or Drawing or Picture or EmbeddedObject or AlternateContent
                        or DeletedText or FootnoteReference or EndnoteReference or CommentReference:
                        break;
                    default:
                        Walk(child);
                        break;
                }
            }
        }
    }

    private static bool TryChar(string hex, out char c)
    {
        c = default;
        if (!int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var code)) return false;
        if (code >= 0xF000) return false; // a symbol-font glyph (Wingdings bullets) has no text of its own
        c = (char)code;
        return true;
    }

    private static string? HyperlinkTarget(string? instruction)
    {
        if (instruction is null) return null;
        var t = instruction.Trim();
        if (!t.StartsWith("HYPERLINK", StringComparison.OrdinalIgnoreCase)) return null;
        var open = t.IndexOf('"');
        var close = open >= 0 ? t.IndexOf('"', open + 1) : -1;
        return close > open + 1 ? t[(open + 1)..close] : null;
    }
}
