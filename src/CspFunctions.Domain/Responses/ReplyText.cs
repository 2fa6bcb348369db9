using System.Text.RegularExpressions;

namespace CspFunctions.Responses;

/// <summary>
/// The new text of an email reply: everything above the quoted history and the signature. Recognises the
/// quote headers of Outlook desktop and web ("From: ... Sent: ..." blocks, "-----Original Message-----"), Gmail and
/// Apple Mail ("On ... wrote:"), their common non-English forms, "&gt;" quoting, the "-- " signature delimiter,
/// phone footers ("Sent from my iPhone") and a closing sign-off followed only by short name/title lines.
/// </summary>
public static partial class ReplyText
{
    public static string Extract(string? body)
    {
        if (string.IsNullOrEmpty(body)) return "";
        var lines = body.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();
        var cut = FirstQuoteOrFooter(lines);
        lines = lines.Take(cut).Where(l => !l.TrimStart().StartsWith('>')).Select(l => l.TrimEnd()).ToList();
        lines = WithoutSignOff(lines);
        return string.Join("\n", lines).Trim();
    }

    private static int FirstQuoteOrFooter(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (line == "--" && lines[i].StartsWith("-- ", StringComparison.Ordinal) || lines[i] == "-- ") return i;
            if (OriginalMessage().IsMatch(line) || Footer().IsMatch(line) || ForwardedBanner().IsMatch(line)) return i;
            var joined = i + 1 < lines.Count ? line + " " + lines[i + 1].Trim() : line;
            if (WroteHeader().IsMatch(line) || (line.Length < 200 && WroteHeader().IsMatch(joined) && WroteStart().IsMatch(line))) return i;
            if (Underscores().IsMatch(line) && i + 1 < lines.Count && HeaderFrom().IsMatch(NextNonEmpty(lines, i + 1))) return i;
            if (HeaderFrom().IsMatch(line) && HasHeaderBlockAfter(lines, i)) return i;
        }
        return lines.Count;
    }

    private static string NextNonEmpty(List<string> lines, int from)
    {
        for (var j = from; j < lines.Count && j < from + 3; j++)
            if (lines[j].Trim().Length > 0) return lines[j].Trim();
        return "";
    }

    private static bool HasHeaderBlockAfter(List<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count && j <= i + 5; j++)
            if (HeaderSentOrDate().IsMatch(lines[j].Trim())) return true;
        return false;
    }

    private static List<string> WithoutSignOff(List<string> lines)
    {
        var lastContent = lines.FindLastIndex(l => l.Trim().Length > 0);
        for (var i = Math.Max(0, lastContent - 7); i <= lastContent; i++)
        {
            if (!SignOff().IsMatch(lines[i].Trim())) continue;
            var rest = lines.Skip(i + 1).Where(l => l.Trim().Length > 0).ToList();
            if (rest.Count <= 6 && rest.All(l => l.Trim().Length <= 60) && lines.Take(i).Any(l => l.Trim().Length > 0)) return lines.Take(i).ToList();
        }
        return lines;
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht|Messaggio originale|Mensagem original|Originalmeddelande|Alkuperäinen viesti)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(-{2,}\s*Forwarded message\s*-{2,}|Begin forwarded message:)$", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardedBanner();

    [GeneratedRegex(@"^(Sent from my (iPhone|iPad|Samsung|Galaxy|Android|mobile|BlackBerry)|Sent from (Outlook|Mail for Windows|Yahoo Mail)|Get Outlook for (iOS|Android)|Envoyé de mon (iPhone|iPad)|Von meinem (iPhone|iPad|Samsung).*gesendet|Enviado desde mi (iPhone|iPad))", RegexOptions.IgnoreCase)]
    private static partial Regex Footer();

    [GeneratedRegex(@"^(On|Am|Le|El|Op|Il|Em|Den|På)\s.{4,300}\s(wrote|schrieb|a écrit|escribió|schreef|ha scritto|escreveu|skrev)(\s.{1,200})?\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex WroteHeader();

    [GeneratedRegex(@"^(On|Am|Le|El|Op|Il|Em|Den|På)\s", RegexOptions.IgnoreCase)]
    private static partial Regex WroteStart();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex Underscores();

    [GeneratedRegex(@"^\*?(From|De|Von|Van|Da|Från)\s?:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|Envoyé|Gesendet|Datum|Enviado|Verzonden|Inviato|Skickat|To|À|An|Aan|Para)\s?:\*?", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderSentOrDate();

    [GeneratedRegex(@"^(Kind regards|Best regards|Warm regards|Regards|Many thanks|Thanks|Thank you|Best wishes|Best|Cheers|Yours sincerely|Mit freundlichen Grüßen|Cordialement)[,.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();
}
