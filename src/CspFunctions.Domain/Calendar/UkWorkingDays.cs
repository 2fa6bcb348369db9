using PublicHoliday;

namespace CspFunctions.Calendar;

/// <summary>England and Wales working days: Monday to Friday, less bank holidays (PublicHoliday's UK calendar).</summary>
public static class UkWorkingDays
{
    private static readonly UKBankHoliday BankHolidays = new();

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.IsPublicHoliday(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> (negative counts back).</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        var step = days >= 0 ? 1 : -1;
        var date = from;
        for (var remaining = Math.Abs(days); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) remaining--;
        }
        return date;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        if (to <= from) return -Between(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) count++;
        return count;
    }
}
