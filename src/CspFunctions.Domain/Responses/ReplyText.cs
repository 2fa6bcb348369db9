using System.Text.RegularExpressions;

namespace CspFunctions.Responses;

/// <summary>
/// The new text of an email reply: everything above the quoted history and the phone or app footer. Recognises the
/// quote headers of Outlook desktop, web and mobile ("From: ... Sent: ..." blocks in English, German, French, Polish,
/// Welsh and other languages, "-----Original Message-----"), Gmail, Apple Mail, Android and Thunderbird ("On ... wrote:"
/// and its translations), HCL Notes ("... wrote on ...:", "----- Forwarded by"), "&gt;" quoting, the "-- " signature
/// delimiter and mobile footers ("Sent from my iPhone", "Get Outlook for iOS"). Signatures, sign-offs, disclaimers,
/// markings and greetings are <see cref="ReplyCleaner"/>'s job.
/// </summary>
public static partial class ReplyText
{
    public static string Extract(string? body) => string.Join("\n", NewLines(body)).Trim();

    /// <summary>The lines above the quoted history, without "&gt;" quoted lines, trailing spaces removed.</summary>
    public static List<string> NewLines(string? body)
    {
        if (string.IsNullOrEmpty(body)) return [];
        var lines = body.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();
        var cut = FirstQuoteOrFooter(lines);
        return lines.Take(cut).Where(l => !l.TrimStart().StartsWith('>')).Select(l => l.TrimEnd()).ToList();
    }

    private static int FirstQuoteOrFooter(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i];
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (raw == "-- " || raw == "--" || raw == "-- \u00A0" || raw == "--\u00A0") return i;
            if (line.Length > 400) continue;
            // Cheap tests first: most lines are prose and none of these can match them.
            if ((line[0] == '-' && OriginalMessage().IsMatch(line)) || (line.Length <= 140 && Footer().IsMatch(line)) || (line[^1] == ':' && ForwardedBanner().IsMatch(line))) return i;
            if (IsWroteHeader(lines, i)) return i;
            if (line[0] == '_' && Underscores().IsMatch(line) && HeaderFrom().IsMatch(NextNonEmpty(lines, i + 1))) return i;
            if (line.IndexOf(':') is > 0 and < 16 && HeaderFrom().IsMatch(line) && HasHeaderBlockAfter(lines, i)) return i;
        }
        return lines.Count;
    }

    private static bool IsWroteHeader(List<string> lines, int i)
    {
        var line = lines[i].Trim();
        if (line[^1] == ':' && (WroteHeader().IsMatch(line) || (GenericWrote().IsMatch(line) && (line.Contains('@') || DateOrTime().IsMatch(line))))) return true;
        if (line.Length > 300 || !WroteStart().IsMatch(line)) return false;
        // Gmail and Apple wrap a long header over two or three lines.
        var joined = line;
        for (var j = i + 1; j < lines.Count && j <= i + 2; j++)
        {
            joined += " " + lines[j].Trim();
            if (joined.Length < 400 && WroteHeader().IsMatch(joined)) return true;
        }
        return false;
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

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Original message|Ursprüngliche Nachricht|Originalnachricht|Message d'origine|Message original|Mensaje original|Oorspronkelijk bericht|Messaggio originale|Mensagem original|Originalmeddelande|Alkuperäinen viesti|Wiadomość oryginalna|Oryginalna wiadomość|Neges wreiddiol|Reply message|Forwarded message|Weitergeleitete Nachricht|Message transféré|Wiadomość przekazana|Forwarded by .{1,120}|Weitergeleitet von .{1,120})\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié|Początek przekazanej wiadomości)\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardedBanner();

    [GeneratedRegex(@"^(Sent from (my|Outlook|Mail|Yahoo|Samsung|Gmail|Workspace ONE|BlackBerry|Proton|AOL|Nine|TypeApp|Blue ?Mail|Spark|Huawei|Xiaomi) ?.{0,60}|Sent (with|via|using) (BlackBerry|Outlook|Samsung|the|my|Proton|Spark|Gmail).{0,50}|Get Outlook for (iOS|Android|Mac|Windows).{0,80}|Envoyé (de|depuis) (mon|ma|l'application|Outlook).{0,50}|Von meinem .{1,50} gesendet.?|Gesendet von (meinem|Outlook|Mail).{0,50}|Wysłane z (mojego|aplikacji|urządzenia|Outlook|iPhone).{0,50}|Wysłano z (mojego|aplikacji|urządzenia|Outlook|iPhone).{0,50}|Anfonwyd o('?r| fy| fy ffôn).{0,50}|Enviado desde (mi|Outlook).{0,40}|Inviato da (iPhone|Outlook|il mio).{0,40}|Verzonden (vanaf|met) (mijn|Outlook).{0,40})$", RegexOptions.IgnoreCase)]
    private static partial Regex Footer();

    [GeneratedRegex(@"^(On|Am|Le|El|Op|Il|Em|Den|På|W dniu|Dnia|Ar|Dne)\s.{4,300}\s(wrote|schrieb|a écrit|a ecrit|escribió|schreef|ha scritto|escreveu|skrev|napisał\(a\)|napisał|napisała|pisze|ysgrifennodd|napsal|kirjoitti)(\s.{1,200})?\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex WroteHeader();

    [GeneratedRegex(@"^(On|Am|Le|El|Op|Il|Em|Den|På|W dniu|Dnia|Ar|Dne)\s", RegexOptions.IgnoreCase)]
    private static partial Regex WroteStart();

    /// <summary>"Jo Bloggs &lt;jo@x&gt; wrote:", Notes' "CSP Manager/LBC wrote on 01/07/2019 09:00:".</summary>
    [GeneratedRegex(@"^.{3,250}\s(wrote|schrieb|a écrit|napisał\(a\)|napisał|napisała|pisze|ysgrifennodd)(\s(on|am|le|w dniu|ar)\s.{3,80})?\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericWrote();

    [GeneratedRegex(@"\d{1,2}[:/.]\d{1,2}")]
    private static partial Regex DateOrTime();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex Underscores();

    [GeneratedRegex(@"^\*?(From|De|Von|Van|Da|Från|Fra|Od|Oddi wrth|Gan|Lähettäjä|Absender)\s?:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|Envoyé|Gesendet|Datum|Enviado|Verzonden|Inviato|Skickat|Sendt|To|À|A|An|Aan|Para|Wysłano|Wysłane|Data|Do|Anfonwyd|Dyddiad|At|Subject|Betreff|Objet|Temat|Pwnc|Cc)\s?:\*?", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderSentOrDate();
}
