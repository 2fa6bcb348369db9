using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CspFunctions.Import;

/// <summary>Every sheet of an .xlsx workbook, in tab order, as a grid of cells with sheet row numbers: shared, inline and
/// rich strings, numbers as the cell's number format shows them (0.00, #,##0, 0%, custom formats; general otherwise), dates, booleans, formula results, cell fills, hyperlinks.
/// A merged range carries its value down every row it covers; a range merged across marks its row as spanning and keeps its
/// text in its first column.</summary>
public static class WorkbookTables
{
    public static IReadOnlyList<SourceTable> Read(SpreadsheetDocument workbook)
    {
        var part = workbook.WorkbookPart;
        var sheets = part?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (part is null) return [];
        var shared = SharedStrings(part.SharedStringTablePart);
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

    // SpreadsheetML's main and relationships namespaces, transitional and strict.
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictMainNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    };

    private static bool InMain(XmlReader reader) => reader.NamespaceURI is MainNamespace or StrictMainNamespace;

    /// <summary>The shared strings, read straight from the part's XML: no element tree of the part is built.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var shared = new List<string>();
        if (part is null) return shared;
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);
        while (reader.Read())
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si" && InMain(reader)) shared.Add(RichText(reader));
        return shared;
    }

    /// <summary>The text of a shared or inline string (the reader on its si or is element): its own t and its runs' t,
    /// without phonetic guides (rPh). Leaves the reader on the element's end (or on the element, when it is empty).</summary>
    private static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement) return "";
        var depth = reader.Depth;
        string? first = null;
        System.Text.StringBuilder? more = null;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && InMain(reader))
            {
                if (reader.LocalName == "t")
                {
                    var text = reader.ReadElementContentAsString();
                    if (first is null) first = text;
                    else (more ??= new System.Text.StringBuilder(first)).Append(text);
                    continue;
                }
                if (reader.LocalName == "r") { reader.Read(); continue; } // into the run, for its t
                reader.Skip(); // rPr, rPh, phoneticPr
                continue;
            }
            reader.Read();
        }
        return more?.ToString() ?? first ?? "";
    }

    /// <summary>One sheet, read straight from the part's XML (rows, cells, merged ranges, hyperlinks): no element tree of the
    /// sheet is built, so a large sheet costs its cells' text and no more, and nothing of the file is left for the garbage
    /// collector to copy about while the plan is built.</summary>
    // Runs once per sheet over every cell: compiled optimised at its first call (see PlanTableReader.Read).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static SourceTable ReadSheet(WorksheetPart sheetPart, string where, List<string> shared, CellStyles styles)
    {
        var grid = new SortedDictionary<int, Dictionary<int, SourceCell>>();
        var merges = new List<string>();
        var links = new List<(string Reference, string Id)>();
        using (var reader = XmlReader.Create(sheetPart.GetStream(FileMode.Open, FileAccess.Read), XmlSettings))
        {
            Dictionary<int, SourceCell>? cells = null;
            var rowIndex = 0;
            var next = 0;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element || !InMain(reader)) { reader.Read(); continue; }
                switch (reader.LocalName)
                {
                    case "row":
                        rowIndex = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rowIndex + 1;
                        if (!grid.TryGetValue(rowIndex, out cells)) grid[rowIndex] = cells = [];
                        next = 0;
                        break;
                    case "c" when cells is not null:
                        var reference = reader.GetAttribute("r");
                        uint? style = uint.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var si) ? si : null;
                        var type = reader.GetAttribute("t");
                        var raw = "";
                        string? inline = null;
                        if (!reader.IsEmptyElement)
                        {
                            var depth = reader.Depth;
                            reader.Read();
                            while (!reader.EOF && reader.Depth > depth)
                            {
                                if (reader.NodeType == XmlNodeType.Element && InMain(reader))
                                {
                                    if (reader.LocalName == "v") { raw = reader.ReadElementContentAsString(); continue; }
                                    if (reader.LocalName == "is") { inline = RichText(reader); reader.Read(); continue; }
                                    reader.Skip(); // f (the formula: its result is in v), extLst
                                    continue;
                                }
                                reader.Read();
                            }
                        }
                        var column = reference is not null ? Parse(reference).Column : next;
                        next = column + 1;
                        var fill = styles.Fill(style);
                        var (text, numeric) = Value(raw, type, style, inline, shared, styles);
                        if (text.Length > 0 || fill is not null) cells[column] = SourceCell.FromText(text, fill, numeric);
                        break;
                    case "mergeCell":
                        if (reader.GetAttribute("ref") is { } range) merges.Add(range);
                        break;
                    case "hyperlink":
                        if (reader.GetAttribute("ref") is { } at && (reader.GetAttribute("id", RelationshipNamespace) ?? reader.GetAttribute("id", StrictRelationshipNamespace)) is { } rid)
                            links.Add((at, rid));
                        break;
                }
                reader.Read();
            }
        }

        foreach (var (reference, rid) in links)
        {
            var target = sheetPart.HyperlinkRelationships.FirstOrDefault(r => r.Id == rid)?.Uri is { } uri ? (uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString) : null;
            if (target is null) continue;
            var (r, c) = Parse(reference.Split(':')[0]);
            if (grid.TryGetValue(r, out var cells) && cells.TryGetValue(c, out var value) && value.Paragraphs.Count > 0)
                cells[c] = new SourceCell([value.Paragraphs[0] with { Urls = [target] }, .. value.Paragraphs.Skip(1)], true, value.Fill, value.Numeric);
        }

        var spanning = new HashSet<int>();
        foreach (var merge in merges)
        {
            if (merge.Split(':') is not [var from, var to]) continue;
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

    /// <summary>A cell's text from its value (v), type (t), style (s) and inline string (is), and whether it is a number.</summary>
    private static (string Text, bool Numeric) Value(string raw, string? type, uint? style, string? inline, List<string> shared, CellStyles styles)
    {
        switch (type)
        {
            case "s": return (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "", false);
            case "inlineStr": return (inline ?? raw, false);
            case "b": return (raw == "1" ? "TRUE" : "FALSE", false);
            case "str" or "e": return (raw, false);
        }
        if (raw.Length == 0) return ("", false);
        if (styles.IsDate(style) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var oa) && oa is > 0 and < 2958466)
            return (DateTime.FromOADate(oa).ToString(oa % 1 == 0 ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), false);
        // As the cell shows it: "1.10" in a 0.00 cell is the reference 1.10, not the 1.1 the file stores.
        if (styles.NumberFormat(style) is { } format && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return (CellNumberFormat.Display(number, format), true);
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
