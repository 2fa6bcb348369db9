using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace CspFunctions.Responses;

/// <summary>Recognises automatic replies (RFC 3834 Auto-Submitted, X-Autoreply, X-Autorespond, out-of-office subjects)
/// and reads the return date from the text when it gives one.</summary>
public static partial class AutoReply
{
    public static bool IsAutoReply(MimeMessage message)
    {
        var autoSubmitted = message.Headers["Auto-Submitted"];
        if (!string.IsNullOrWhiteSpace(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase)) return true;
        if (message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond")) return true;
        if (message.Headers["Precedence"]?.Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase) == true) return true;
        return IsOutOfOfficeSubject(message.Subject);
    }

    public static bool IsOutOfOfficeSubject(string? subject) => subject is not null && OutOfOffice().IsMatch(subject);

    /// <summary>The first date after a "back/return/until" phrase, on or after <paramref name="received"/> and within a year.</summary>
    public static DateOnly? ReturnDate(string? text, DateTimeOffset received)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var today = DateOnly.FromDateTime(received.UtcDateTime);
        foreach (Match phrase in ReturnPhrase().Matches(text))
        {
            var tail = text.Substring(phrase.Index + phrase.Length, Math.Min(80, text.Length - phrase.Index - phrase.Length));
            var date = FirstDate(tail, today);
            if (date is { } d && d >= today && d <= today.AddYears(1)) return d;
        }
        return null;
    }

    private static DateOnly? FirstDate(string text, DateOnly today)
    {
        var numeric = NumericDate().Match(text);
        var dayMonth = DayMonth().Match(text);
        var monthDay = MonthDay().Match(text);
        var candidates = new[] { numeric, dayMonth, monthDay }.Where(m => m.Success).OrderBy(m => m.Index);
        foreach (var m in candidates)
        {
            int day, month;
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (m == numeric) { day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture); month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture); }
            else
            {
                day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                month = Array.FindIndex(Months, n => m.Groups["mon"].Value.StartsWith(n, StringComparison.OrdinalIgnoreCase)) + 1;
            }
            if (year is < 100) year += 2000;
            var y = year ?? today.Year;
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), month)) continue;
            var date = new DateOnly(y, month, day);
            if (year is null && date < today && day <= DateTime.DaysInMonth(y + 1, month)) date = new DateOnly(y + 1, month, day);
            return date;
        }
        return null;
    }

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"(automatic reply|auto[- ]?reply|autoreply|out of (the )?office|abwesenheit|réponse automatique|respuesta automática|on leave|annual leave)", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfOffice();

    [GeneratedRegex(@"(back (in the office |at work )?on|back in the office|return(ing)?( to (the office|work))?( on)?|away until|out of (the )?office until|on leave until|until)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReturnPhrase();

    [GeneratedRegex(@"\b(?<d>\d{1,2})/(?<m>\d{1,2})(/(?<y>\d{2}|\d{4}))?\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(st|nd|rd|th)?\s+(of\s+)?(?<mon>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b,?(\s+(?<y>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<mon>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\s+(?<d>\d{1,2})(st|nd|rd|th)?\b,?(\s+(?<y>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDay();
}
