namespace CspFunctions.Import;

/// <summary>One cell of a plan table, from Word, Excel or CSV, with merges already carried to it. Excel and CSV cells hold
/// lines (<see cref="LinesAreItems"/>): a document per line; Word cells hold paragraphs: a document or lead per paragraph.</summary>
public sealed class SourceCell(IReadOnlyList<CellParagraph> paragraphs, bool linesAreItems, string? fill = null, bool numeric = false)
{
    public static readonly SourceCell Empty = new([], false);

    public IReadOnlyList<CellParagraph> Paragraphs { get; } = paragraphs;
    public bool LinesAreItems { get; } = linesAreItems;
    /// <summary>The cell's background colour as RRGGBB, when it has one.</summary>
    public string? Fill { get; } = fill;
    /// <summary>An Excel number cell: its text is the number as written without trailing zeros.</summary>
    public bool Numeric { get; } = numeric;

    private bool? _isEmpty;
    private string? _line;

    public bool IsEmpty => _isEmpty ??= AllBlank(Paragraphs);

    private static bool AllBlank(IReadOnlyList<CellParagraph> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
            if (!string.IsNullOrWhiteSpace(paragraphs[i].Text)) return false;
        return true;
    }

    /// <summary>The whole cell on one line, whitespace collapsed (for headers, numbers, priorities, status words).</summary>
    public string Line => _line ??= Paragraphs.Count == 1 && Paragraphs[0].ListMark is null
        ? CellText.OneLine(Paragraphs[0].Text)
        : CellText.OneLine(string.Join(" ", Paragraphs.Select(p => p.ListMark is { } mark ? mark + " " + p.Text : p.Text)));

    /// <summary>The cell as plain text: paragraphs separated by a blank line, list items as "- " lines.</summary>
    public string Block => CellText.Block(Paragraphs, LinesAreItems);

    public static SourceCell FromText(string? text, string? fill = null, bool numeric = false) =>
        string.IsNullOrEmpty(text) ? (fill is null ? Empty : new SourceCell([], true, fill)) : new SourceCell(CellText.LinesToParagraphs(text), true, fill, numeric);
}
