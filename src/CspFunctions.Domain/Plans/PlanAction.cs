namespace CspFunctions.Plans;

public sealed record PlanAction(
    int Number,
    string PriorityId,
    string Text,
    IReadOnlyList<string> LeadIds,
    IReadOnlyList<LinkedDocument> Documents,
    bool Restricted = false)
{
    /// <summary>Where a carried-forward action came from, e.g. "luton-2018-19#12"; null for a new action.</summary>
    public string? CarriedFrom { get; init; }
}
