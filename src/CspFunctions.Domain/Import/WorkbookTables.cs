using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CspFunctions.Import;

/// <summary>Every sheet of an .xlsx workbook, in tab order, as a grid of cells with sheet row numbers: shared, inline and
/// rich strings, numbers as Excel shows them in a general format, dates, booleans, formula results, cell fills, hyperlinks.
/// A merged range carries its value down every row it covers; a range merged across marks its row as spanning and keeps its
/// text in its first column.</summary>
public static class WorkbookTables
{
    public static IReadOnlyList<SourceTable> Read(SpreadsheetDocument workbook)
    {
        var part = workbook.WorkbookPart;
        var sheets = part?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (part is null) return [];
        var shared = part.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(StringText).ToList() ?? [];
        var styles = new CellStyles(part.WorkbookStylesPart?.Stylesheet);
        var tables = new List<SourceTable>();
        foreach (var sheet in sheets)
        {
            if (sheet.Id?.Value is not { } id || part.GetPartById(id) is not WorksheetPart sheetPart) continue;
            var name = sheet.Name?.Value ?? $"Sheet{tables.Count + 1}";
            tables.Add(ReadSheet(sheetPart, $"sheet '{name}'", shared, styles));
        }
        return tables;
    }

    public static string NameOf(SourceTable table) => table.Where.StartsWith("sheet '", StringComparison.Ordinal) ? table.Where[7..^1] : table.Where;

    private static SourceTable ReadSheet(WorksheetPart sheetPart, string where, List<string> shared, CellStyles styles)
    {
        var worksheet = sheetPart.Worksheet;
        var links = new Dictionary<(int Row, int Column), string>();
        foreach (var link in worksheet?.Elements<Hyperlinks>().SelectMany(h => h.Elements<Hyperlink>()) ?? [])
        {
            if (link.Reference?.Value is not { } reference || link.Id?.Value is not { } rid) continue;
            var target = sheetPart.HyperlinkRelationships.FirstOrDefault(r => r.Id == rid)?.Uri is { } uri ? (uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString) : null;
            if (target is null) continue;
            var (r, c) = Parse(reference.Split(':')[0]);
            links[(r, c)] = target;
        }

        var grid = new SortedDictionary<int, Dictionary<int, SourceCell>>();
        // Rows and merges are children of sheetData and mergeCells: walking only those elements, not every descendant, reads the sheet once.
        foreach (var row in worksheet?.Elements<SheetData>().SelectMany(d => d.Elements<Row>()) ?? [])
        {
            var rowIndex = (int)(row.RowIndex?.Value ?? (uint)(grid.Count == 0 ? 1 : grid.Keys.Max() + 1));
            var cells = grid[rowIndex] = [];
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? Parse(reference).Column : next;
                next = column + 1;
                var fill = styles.Fill(cell.StyleIndex?.Value);
                var (text, numeric) = Value(cell, shared, styles);
                if (text.Length == 0 && fill is null) continue;
                var value = SourceCell.FromText(text, fill, numeric);
                if (links.TryGetValue((rowIndex, column), out var url) && value.Paragraphs.Count > 0)
                    value = new SourceCell([value.Paragraphs[0] with { Urls = [url] }, .. value.Paragraphs.Skip(1)], true, fill, numeric);
                cells[column] = value;
            }
        }

        var spanning = new HashSet<int>();
        foreach (var merge in worksheet?.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>()) ?? [])
        {
            if (merge.Reference?.Value?.Split(':') is not [var from, var to]) continue;
            var (r1, c1) = Parse(from);
            var (r2, c2) = Parse(to);
            var value = grid.GetValueOrDefault(r1)?.GetValueOrDefault(c1) ?? SourceCell.Empty;
            for (var r = r1; r <= r2; r++)
            {
                if (!grid.TryGetValue(r, out var cells)) grid[r] = cells = [];
                if (c2 > c1) spanning.Add(r);
                for (var c = c1; c <= c2; c++)
                {
                    if (c == c1) cells[c] = value;
                    else cells.Remove(c);
                }
            }
        }

        var rows = new List<SourceRow>(grid.Count);
        foreach (var (number, cells) in grid)
        {
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            var list = new SourceCell[width];
            for (var c = 0; c < width; c++) list[c] = cells.GetValueOrDefault(c) ?? SourceCell.Empty;
            // A range merged across is a spanning row only when nothing else on the row has text.
            var span = spanning.Contains(number) && list.Count(c => !c.IsEmpty) == 1;
            rows.Add(new SourceRow(number, list, span));
        }
        return new SourceTable(where, "row", rows);
    }

    /// <summary>A shared or inline string's text: its runs, without phonetic guides.</summary>
    private static string StringText(DocumentFormat.OpenXml.OpenXmlElement item)
    {
        var direct = item.GetFirstChild<Text>();
        if (direct is not null && item.GetFirstChild<Run>() is null) return direct.Text;
        var sb = new System.Text.StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t) sb.Append(t.Text);
            else if (child is Run r) foreach (var rt in r.Elements<Text>()) sb.Append(rt.Text);
        }
        return sb.ToString();
    }

    private static (string Text, bool Numeric) Value(Cell cell, List<string> shared, CellStyles styles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString) return (int.TryParse(raw, out var i) && i >= 0 && i < shared.Count ? shared[i] : "", false);
        if (type == CellValues.InlineString) return (cell.InlineString is { } inline ? StringText(inline) : raw, false);
        if (type == CellValues.Boolean) return (raw == "1" ? "TRUE" : "FALSE", false);
        if (type == CellValues.String || type == CellValues.Error) return (raw, false);
        if (raw.Length == 0) return ("", false);
        if (styles.IsDate(cell.StyleIndex?.Value) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var oa) && oa is > 0 and < 2958466)
            return (DateTime.FromOADate(oa).ToString(oa % 1 == 0 ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), false);
        return (ActionReference.NumberText(raw), true);
    }

    /// <summary>"C12" as (row 12, column 2).</summary>
    public static (int Row, int Column) Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        _ = int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row);
        return (row, column - 1);
    }

    public static string ColumnLetter(int column)
    {
        var s = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
