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
        if (message.Body is MultipartReport) return true;
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
        var iso = IsoDate().Match(text);
        var numeric = NumericDate().Match(text);
        var candidates = new[] { iso, numeric }.Concat(DayMonth().Matches(text)).Concat(MonthDay().Matches(text))
            .Where(m => m.Success && (m == iso || m == numeric || MonthOf(m.Groups["mon"].Value) > 0)).OrderBy(m => m.Index);
        foreach (var m in candidates)
        {
            int day, month;
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (m == numeric || m == iso) { day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture); month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture); }
            else
            {
                day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                month = MonthOf(m.Groups["mon"].Value);
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

    /// <summary>Month names and their common abbreviations in English, Welsh, German, French and Polish (the genitive
    /// forms Polish dates use), by the prefix that identifies them.</summary>
    private static readonly (string Prefix, int Month)[] Months =
    [
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ("ionawr", 1), ("chwefror", 2), ("mawrth", 3), ("ebrill", 4), ("mai", 5), ("mehefin", 6), ("gorffennaf", 7), ("awst", 8), ("medi", 9), ("hydref", 10), ("tachwedd", 11), ("rhagfyr", 12),
        ("januar", 1), ("februar", 2), ("märz", 3), ("maerz", 3), ("juni", 6), ("juli", 7), ("okt", 10), ("dez", 12),
        ("janv", 1), ("févr", 2), ("fevr", 2), ("mars", 3), ("avr", 4), ("juin", 6), ("juil", 7), ("août", 8), ("aout", 8), ("sept", 9), ("déc", 12),
        ("stycz", 1), ("lut", 2), ("marc", 3), ("kwie", 4), ("maj", 5), ("czerw", 6), ("lip", 7), ("sierp", 8), ("wrze", 9), ("paźdz", 10), ("pazdz", 10), ("listop", 11), ("grud", 12),
    ];

    private static int MonthOf(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.Length < 3) return 0;
        // The longest matching prefix wins ("mai" is May in German and French, "mawrth" March in Welsh).
        var best = Months.Where(m => lower.StartsWith(m.Prefix, StringComparison.Ordinal) || (m.Prefix.Length > lower.Length && m.Prefix.StartsWith(lower, StringComparison.Ordinal) && lower.Length >= 3))
            .OrderByDescending(m => m.Prefix.Length).FirstOrDefault();
        return best.Month;
    }

    [GeneratedRegex(@"(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office|abwesenheit|automatische antwort|réponse automatique|absence|respuesta automática|odpowiedź automatyczna|automatyczna odpowiedź|nieobecność|ateb awtomatig|allan o'r swyddfa|on leave|annual leave)", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfOffice();

    [GeneratedRegex(@"(back (in the office |at work )?on|back in the office|return(ing)?( to (the office|work))?( on)?|away until|out of (the )?office until|on leave until|until|till|zurück am|zurück ab|wieder (im büro |erreichbar )?(am|ab)|bis( einschließlich| einschl\.| zum)?|de retour( au bureau)? le|jusqu'au|à partir du|wracam|do dnia|powrót|od dnia|yn ôl( yn y swyddfa)? ar|hyd at|tan)(?=\s|$|:)", RegexOptions.IgnoreCase)]
    private static partial Regex ReturnPhrase();

    [GeneratedRegex(@"\b(?<d>\d{1,2})[/.](?<m>\d{1,2})([/.](?<y>\d{4}|\d{2}))?\b(?![:.]\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(st|nd|rd|th|er|\.)?\s+(of\s+|o\s+|fed\s+)?(?<mon>\p{L}{3,12})\.?,?(\s+(?<y>\d{4})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<mon>\p{L}{3,12})\.?\s+(?<d>\d{1,2})(st|nd|rd|th)?\b(?![.:/]\d),?(\s+(?<y>\d{4})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDay();
}
