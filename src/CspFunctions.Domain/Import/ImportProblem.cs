namespace CspFunctions.Import;

/// <summary>One thing wrong with an import. <see cref="Row"/> is the sheet or CSV row as the spreadsheet shows it, the Word
/// table's row counted from 1, or the 1-based position in the JSON array named by <see cref="Field"/>; null for plan-level
/// problems. <see cref="Where"/> names the sheet or table ("sheet 'Plan'", "table 2") when the file has several.</summary>
public sealed record ImportProblem(int? Row, string Field, string Message, string? Where = null)
{
    public override string ToString() =>
        (Where is { } where ? where + ", " : "") + (Row is { } row ? $"row {row}, {Field}: {Message}" : $"{Field}: {Message}");
}
