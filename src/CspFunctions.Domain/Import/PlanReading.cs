namespace CspFunctions.Import;

/// <summary>What a table importer understood from a file, for the preview: the plan document, where its table was, each
/// file column and its meaning (null: ignored), the priorities list it was checked against, and warnings (things ignored
/// or assumed, never errors).</summary>
public sealed record PlanReading(
    PlanDocument Document,
    string Where,
    int HeaderRow,
    IReadOnlyList<ColumnMatch> Columns,
    IReadOnlyList<string> Warnings,
    string? PriorityListWhere = null)
{
    /// <summary>The document as the reader validated it (against no stored plan), so a new plan is not validated twice.</summary>
    public ValidatedPlan? Validated { get; init; }

    public static PlanReading Of(PlanDocument document) => new(document, "", 0, [], []);
}
