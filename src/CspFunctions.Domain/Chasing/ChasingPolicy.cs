namespace CspFunctions.Chasing;

/// <summary>
/// When leads are asked, reminded and chased. Counts are UK working days; times are Europe/London wall-clock.
/// Init properties rather than a positional record because <see cref="TimeOnly"/> defaults are not compile-time constants.
/// </summary>
public sealed record ChasingPolicy
{
    public static ChasingPolicy Default { get; } = new();

    /// <summary>A round's due date is this many working days after its quarter ends.</summary>
    public int DueWorkingDaysAfterQuarterEnd { get; init; } = 15;

    /// <summary>The reminder goes this many working days before the due date; 0 means no reminder.</summary>
    public int ReminderWorkingDaysBeforeDue { get; init; } = 5;

    public int OverdueChaserEveryWorkingDays { get; init; } = 3;

    /// <summary>Overdue chasers sent before the next one becomes an escalation copied to the managers and the deputy lead.</summary>
    public int ChasersBeforeEscalation { get; init; } = 2;

    /// <summary>Start of the sending window (inclusive), London time.</summary>
    public TimeOnly SendAfterLocal { get; init; } = new(8, 0);

    /// <summary>End of the sending window (exclusive), London time.</summary>
    public TimeOnly SendBeforeLocal { get; init; } = new(11, 0);

    public DayOfWeek DigestDay { get; init; } = DayOfWeek.Monday;

    /// <summary>
    /// A round is not opened once this many calendar days have passed since its due date,
    /// so a plan imported late does not start chasing for a long-gone quarter.
    /// </summary>
    public int LatestOpeningDaysAfterDue { get; init; } = 30;

    /// <summary>Throws if the settings cannot make a sensible schedule.</summary>
    public void EnsureValid()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(DueWorkingDaysAfterQuarterEnd, 1, nameof(DueWorkingDaysAfterQuarterEnd));
        ArgumentOutOfRangeException.ThrowIfNegative(ReminderWorkingDaysBeforeDue, nameof(ReminderWorkingDaysBeforeDue));
        ArgumentOutOfRangeException.ThrowIfLessThan(OverdueChaserEveryWorkingDays, 1, nameof(OverdueChaserEveryWorkingDays));
        ArgumentOutOfRangeException.ThrowIfNegative(ChasersBeforeEscalation, nameof(ChasersBeforeEscalation));
        ArgumentOutOfRangeException.ThrowIfNegative(LatestOpeningDaysAfterDue, nameof(LatestOpeningDaysAfterDue));
        if (SendBeforeLocal <= SendAfterLocal)
            throw new ArgumentException($"The sending window {SendAfterLocal:HH:mm}-{SendBeforeLocal:HH:mm} is empty.", nameof(SendBeforeLocal));
        if (!Enum.IsDefined(DigestDay))
            throw new ArgumentOutOfRangeException(nameof(DigestDay), DigestDay, "Not a day of the week.");
    }
}
