using CspFunctions.Calendar;
using CspFunctions.Plans;

namespace CspFunctions.Chasing;

/// <summary>The dates of a round's chasing stages, and which stage a working-morning sweep should send today.</summary>
public static class ChaseSchedule
{
    /// <summary>The first working day after the round's period ends, or the day the manager opened it by hand.</summary>
    public static DateOnly OpeningDate(ReportingRound round) => round.OpenedOn ?? UkWorkingDays.Add(round.PeriodEnd, 1);

    /// <summary>
    /// Every stage with its date, in order, all on working days. A stage that would fall on or before the previous
    /// one is left out (e.g. no reminder when the due date is fewer working days after opening than the reminder lead time).
    /// A due date set on a non-working day counts from the next working day.
    /// </summary>
    public static IReadOnlyList<(ChaseStageKey Stage, DateOnly Date)> Timeline(ReportingRound round, ChasingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();

        var due = OnOrAfter(round.DueDate);
        var every = policy.OverdueChaserEveryWorkingDays;
        var candidates = new List<(ChaseStageKey Stage, DateOnly Date)> { (ChaseStageKey.Opening, OpeningDate(round)) };
        if (policy.ReminderWorkingDaysBeforeDue > 0)
            candidates.Add((ChaseStageKey.Reminder, UkWorkingDays.Add(due, -policy.ReminderWorkingDaysBeforeDue)));
        candidates.Add((ChaseStageKey.DueDay, due));
        for (var n = 1; n <= policy.ChasersBeforeEscalation; n++)
            candidates.Add((ChaseStageKey.Overdue(n), UkWorkingDays.Add(due, n * every)));
        candidates.Add((ChaseStageKey.Escalation, UkWorkingDays.Add(due, (policy.ChasersBeforeEscalation + 1) * every)));

        var timeline = new List<(ChaseStageKey Stage, DateOnly Date)>(candidates.Count);
        foreach (var candidate in candidates)
            if (timeline.Count == 0 || candidate.Date > timeline[^1].Date) timeline.Add(candidate);
        return timeline;
    }

    /// <summary>
    /// The single latest stage whose date is on or before today, or nothing on a non-working day, before the round
    /// opens, or when the round is not open. After downtime this catches up with the latest stage only, so nobody gets
    /// the opening request and a reminder on the same morning. Once a stage's date passes it stays the answer until the
    /// next stage's date; the reminder log stops it being sent twice.
    /// </summary>
    public static IReadOnlyList<ChaseStageKey> StagesDueOn(ReportingRound round, DateOnly londonToday, ChasingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.State != RoundState.Open || !UkWorkingDays.IsWorkingDay(londonToday)) return [];

        ChaseStageKey? latest = null;
        foreach (var (stage, date) in Timeline(round, policy))
            if (date <= londonToday) latest = stage;

        if (latest is not { } due) return [];
        return [due];
    }

    /// <summary>
    /// The managers' digest goes on <paramref name="digestDay"/>, or on the first working day after it when that day
    /// is not a working day (Easter Monday moves it to the Tuesday; a Saturday setting means Monday).
    /// </summary>
    public static bool IsDigestDay(DateOnly londonToday, DayOfWeek digestDay)
    {
        if (!UkWorkingDays.IsWorkingDay(londonToday)) return false;
        var back = ((int)londonToday.DayOfWeek - (int)digestDay + 7) % 7;
        var anchor = londonToday.AddDays(-back);
        return anchor == londonToday
            || (!UkWorkingDays.IsWorkingDay(anchor) && UkWorkingDays.Between(anchor, londonToday) == 1);
    }

    private static DateOnly OnOrAfter(DateOnly date) => UkWorkingDays.IsWorkingDay(date) ? date : UkWorkingDays.Add(date, 1);
}
