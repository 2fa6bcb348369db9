namespace CspFunctions.Plans;

/// <summary>One quarter's collection of updates for one plan.</summary>
public sealed record ReportingRound(string PlanId, string Id, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, RoundState State)
{
    public static ReportingRound For(string planId, FinancialQuarter quarter, DateOnly dueDate, RoundState state = RoundState.Open) =>
        new(planId, quarter.RoundId, quarter.Start, quarter.End, dueDate, state);

    [System.Text.Json.Serialization.JsonIgnore]
    public FinancialQuarter Quarter => FinancialQuarter.TryParseRoundId(Id, out var q)
        ? q
        : throw new InvalidOperationException($"Round id '{Id}' is not a financial quarter.");
}
