namespace CspFunctions.Import;

/// <summary>A row of a plan table: its number as the file's user sees it (sheet row, or table row counted from 1), its cells by
/// column, and whether one cell spans the whole row (Word gridSpan, an Excel range merged across).</summary>
public sealed record SourceRow(int Number, IReadOnlyList<SourceCell> Cells, bool Spanning = false)
{
    public SourceCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : SourceCell.Empty;
}
