using CspFunctions.Calendar;

namespace CspFunctions.Chasing;

/// <summary>Europe/London wall-clock time (GMT in winter, BST in summer) for instants the timers see in UTC.</summary>
public static class LondonClock
{
    /// <summary>The IANA id; the Windows id is the fallback for hosts without ICU time-zone conversion.</summary>
    public static TimeZoneInfo Zone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var iana) ? iana
        : TimeZoneInfo.FindSystemTimeZoneById("GMT Standard Time");

    public static DateTimeOffset ToLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLondon(instant).DateTime);

    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(ToLondon(instant).DateTime);

    /// <summary>True on a UK working day between <see cref="ChasingPolicy.SendAfterLocal"/> (inclusive) and
    /// <see cref="ChasingPolicy.SendBeforeLocal"/> (exclusive), London time.</summary>
    public static bool IsSendingWindow(DateTimeOffset utcNow, ChasingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var local = ToLondon(utcNow).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return UkWorkingDays.IsWorkingDay(DateOnly.FromDateTime(local))
            && time >= policy.SendAfterLocal
            && time < policy.SendBeforeLocal;
    }
}
