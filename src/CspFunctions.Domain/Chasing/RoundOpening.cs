using CspFunctions.Calendar;
using CspFunctions.Plans;

namespace CspFunctions.Chasing;

/// <summary>Which quarterly round a plan should have open. Pure and idempotent: the caller saves what it returns.</summary>
public static class RoundOpening
{
    public static DateOnly DueDateFor(FinancialQuarter quarter, ChasingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        return UkWorkingDays.Add(quarter.End, policy.DueWorkingDaysAfterQuarterEnd);
    }

    /// <summary>The first working day after the quarter ends.</summary>
    public static DateOnly OpensOn(FinancialQuarter quarter) => UkWorkingDays.Add(quarter.End, 1);

    /// <summary>
    /// The round for the most recently ended quarter if it does not exist yet, today is on or after the first working day
    /// after the quarter, and its due date is less than <see cref="ChasingPolicy.LatestOpeningDaysAfterDue"/> days ago;
    /// otherwise null.
    /// </summary>
    public static ReportingRound? RoundToOpen(string planId, IReadOnlyList<ReportingRound> existingRounds, DateOnly londonToday, ChasingPolicy policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentNullException.ThrowIfNull(existingRounds);
        ArgumentNullException.ThrowIfNull(policy);

        var quarter = FinancialQuarter.Containing(londonToday).Previous;
        if (existingRounds.Any(r => r.Id == quarter.RoundId)) return null;
        if (londonToday < OpensOn(quarter)) return null;

        var due = DueDateFor(quarter, policy);
        if (londonToday >= due.AddDays(policy.LatestOpeningDaysAfterDue)) return null;

        return ReportingRound.For(planId, quarter, due);
    }

    /// <summary>As the plan-id overload, but only for quarters of the plan's own financial year.</summary>
    public static ReportingRound? RoundToOpen(Plan plan, IReadOnlyList<ReportingRound> existingRounds, DateOnly londonToday, ChasingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var round = RoundToOpen(plan.Id, existingRounds, londonToday, policy);
        return round is not null && round.Quarter.Year == plan.FinancialYear ? round : null;
    }
}
