namespace CspFunctions.Plans;

/// <summary>One quarter's collection of updates for one plan.</summary>
public sealed record ReportingRound(string PlanId, string Id, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, RoundState State)
{
    /// <summary>Leads given their own due date (an extension for one lead); the others use <see cref="DueDate"/>.</summary>
    public IReadOnlyDictionary<string, DateOnly> LeadDueDates { get; init; } = new Dictionary<string, DateOnly>();

    /// <summary>Set when the manager opened the round by hand: chasing starts that day instead of after the quarter.</summary>
    public DateOnly? OpenedOn { get; init; }

    /// <summary>The round as one lead sees it: with that lead's own due date, if it has one.</summary>
    public ReportingRound ForLead(string leadId) => LeadDueDates.TryGetValue(leadId, out var due) ? this with { DueDate = due } : this;

    public DateOnly DueDateFor(string leadId) => LeadDueDates.TryGetValue(leadId, out var due) ? due : DueDate;

    // Value equality including the lead due dates' contents (a record would compare the dictionary by reference).
    public bool Equals(ReportingRound? other) =>
        other is not null && PlanId == other.PlanId && Id == other.Id && PeriodStart == other.PeriodStart && PeriodEnd == other.PeriodEnd
        && DueDate == other.DueDate && State == other.State && OpenedOn == other.OpenedOn
        && LeadDueDates.Count == other.LeadDueDates.Count && LeadDueDates.All(d => other.LeadDueDates.TryGetValue(d.Key, out var o) && o == d.Value);

    public override int GetHashCode() => HashCode.Combine(PlanId, Id, PeriodStart, PeriodEnd, DueDate, State, OpenedOn, LeadDueDates.Count);

    public static ReportingRound For(string planId, FinancialQuarter quarter, DateOnly dueDate, RoundState state = RoundState.Open) =>
        new(planId, quarter.RoundId, quarter.Start, quarter.End, dueDate, state);

    [System.Text.Json.Serialization.JsonIgnore]
    public FinancialQuarter Quarter => FinancialQuarter.TryParseRoundId(Id, out var q)
        ? q
        : throw new InvalidOperationException($"Round id '{Id}' is not a financial quarter.");
}
