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

    /// <summary>The reference as the plan writes it ("1.2", "3a") when it is not simply <see cref="Number"/>; the number
    /// is then the internal key the action's progress is stored under.</summary>
    public string? Reference { get; init; }

    /// <summary>What people see and write: "12", "1.2", "3a".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Ref => Reference ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
