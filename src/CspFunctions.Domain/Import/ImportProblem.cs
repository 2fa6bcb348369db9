namespace CspFunctions.Import;

/// <summary>One thing wrong with an import. <see cref="Row"/> is the CSV row (header = 1) or the 1-based
/// position in the JSON array named by <see cref="Field"/>; null for plan-level problems.</summary>
public sealed record ImportProblem(int? Row, string Field, string Message)
{
    public override string ToString() => Row is { } row ? $"row {row}, {Field}: {Message}" : $"{Field}: {Message}";
}
