namespace CspFunctions.Import;

/// <summary>A table a plan may be in: an Excel sheet, a CSV file or a Word table. <see cref="Where"/> names it in problems
/// ("sheet 'Plan'", "table 2"); <see cref="RowWord"/> is how its rows are named ("row" for sheets, "table row" for Word).</summary>
public sealed record SourceTable(string Where, string RowWord, IReadOnlyList<SourceRow> Rows);
