using System.Text.RegularExpressions;

namespace CspFunctions.Responses;

/// <summary>
/// Takes what is not the lead's update out of the new text of a reply (after <see cref="ReplyText"/> has cut the quoted
/// history): legal disclaimers, confidentiality notices and "think before you print" lines wherever they sit; logo
/// placeholders; protective markings as whole lines at the top or bottom; greetings and pointers at the start ("Hi Jo,",
/// "Please see updates below"); and at the end closing remarks, the sign-off (a valediction and the name after it) and the
/// signature block (names, job titles, teams, phones, addresses, pronouns, web and social links). Typed lists stay.
/// </summary>
public static partial class ReplyCleaner
{
    private const int TailWindow = 40;

    /// <param name="senderNames">Words of the sender's display name and the contact's name: a line of only these is a signature.</param>
    public static List<string> Clean(IReadOnlyList<string> lines, IReadOnlyCollection<string> senderNames)
    {
        var names = new HashSet<string>(senderNames.Select(n => n.ToLowerInvariant()).Where(n => n.Length > 0));
        var kept = WithoutDisclaimers(lines).Where(l => !IsLogo(l.Trim())).ToList();
        kept = TrimTail(kept, names);
        kept = TrimHead(kept);
        // Only thanks and a name ("Thanks!\n\nJo") is nothing new.
        return kept.All(l => l.Trim() is var t && (t.Length == 0 || Marking().IsMatch(t) || Valediction().IsMatch(t) || IsGreetingOnly(t) || Closing().IsMatch(t) || IsNameLine(t, names))) ? [] : kept;
    }

    public static string Clean(string text, IReadOnlyCollection<string> senderNames) =>
        string.Join("\n", Clean(ReplyText.NewLines(text), senderNames)).Trim();

    /// <summary>Words of a display name, for <see cref="Clean(IReadOnlyList{string}, IReadOnlyCollection{string})"/>.</summary>
    public static IEnumerable<string> NameWords(string? name) =>
        (name ?? "").Split([' ', ',', '.', '(', ')', '"', '\'', '/', '|'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 && w.Any(char.IsLetter));

    /// <summary>A line that says nothing about progress: a greeting, a pointer, thanks, a sign-off, a marking.</summary>
    public static bool IsChatter(string line)
    {
        var t = line.Trim();
        if (t.Length == 0) return true;
        if (t.Length > 240) return false;
        if (Marking().IsMatch(t) || Valediction().IsMatch(t)) return true;
        var rest = Greeting().Match(t) is { Success: true } g ? t[g.Length..].Trim() : t;
        if (rest.Length == 0) return true;
        return SentenceSplit().Split(rest).Where(s => s.Trim().Length > 0).All(s => Pointer().IsMatch(s.Trim()) || Closing().IsMatch(s.Trim()) || Valediction().IsMatch(s.Trim()));
    }

    public static bool IsMarking(string line) => Marking().IsMatch(line.Trim());

    private static bool IsLogo(string t) => t.Length > 0 && t[0] is '[' or '<' && Logo().IsMatch(t);

    private static List<string> WithoutDisclaimers(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        var start = 0;
        while (start < lines.Count)
        {
            if (lines[start].Trim().Length == 0) { result.Add(lines[start]); start++; continue; }
            var end = start;
            while (end < lines.Count && lines[end].Trim().Length > 0) end++;
            var paragraph = lines.Skip(start).Take(end - start).ToList();
            var cut = DisclaimerStart(paragraph);
            result.AddRange(cut is { } c ? paragraph.Take(c) : paragraph);
            start = end;
        }
        return result;
    }

    /// <summary>The line of a paragraph where a disclaimer begins, or null when it is not one.</summary>
    private static int? DisclaimerStart(List<string> paragraph)
    {
        var text = string.Join(" ", paragraph.Select(l => l.Trim()));
        if (text.Length > 20_000) return null;
        var hits = DisclaimerPhrase().Matches(text).Count;
        if (!(DisclaimerDecisive().IsMatch(text) || hits >= 2 || (hits == 1 && text.Length >= 140))) return null;
        var start = paragraph.FindIndex(l => DisclaimerOpener().IsMatch(l.Trim()));
        if (start < 0) start = paragraph.FindIndex(l => DisclaimerPhrase().IsMatch(l) || DisclaimerDecisive().IsMatch(l.Trim()));
        if (start < 0) return 0;
        // A wrapped line that runs on into the notice belongs to it.
        while (start > 0 && paragraph[start - 1].Trim() is var above && above.Length >= 50 && !".!?:".Contains(above[^1])) start--;
        return start;
    }

    private static List<string> TrimTail(List<string> lines, HashSet<string> names)
    {
        while (true)
        {
            while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
            if (lines.Count == 0 || !HasContentBefore(lines, lines.Count - 1)) return lines;
            var last = lines[^1].Trim();
            if (Marking().IsMatch(last) || Closing().IsMatch(last) || IsPlainSeparator(last)) { lines.RemoveAt(lines.Count - 1); continue; }
            if (SignOffAt(lines, names) is { } signOff) { lines = lines.Take(signOff).ToList(); continue; }
            if (SignatureStart(lines, names) is { } signature) { lines = lines.Take(signature).ToList(); continue; }
            return lines;
        }
    }

    private static List<string> TrimHead(List<string> lines)
    {
        while (true)
        {
            var first = lines.FindIndex(l => l.Trim().Length > 0);
            if (first < 0) return [];
            var line = lines[first].Trim();
            var hasMore = lines.Skip(first + 1).Any(l => l.Trim().Length > 0 && !IsChatter(l));
            if (Marking().IsMatch(line) || IsPlainSeparator(line)) { lines = lines.Skip(first + 1).ToList(); continue; }
            if (IsChatter(line))
            {
                // A pointer or thanks is all the lead wrote: keep it rather than store nothing ("See attached.").
                if (!hasMore && !IsGreetingOnly(line) && !Valediction().IsMatch(line)) return lines.Skip(first).ToList();
                lines = lines.Skip(first + 1).ToList();
                continue;
            }
            // "Hi Jo, the pilot is live." keeps what follows the greeting.
            if (Greeting().Match(line) is { Success: true, Length: > 0 } greeting && greeting.Length < line.Length && line[greeting.Length..].Trim().Length > 0)
            {
                var rest = line[greeting.Length..].Trim();
                lines = lines.Skip(first).ToList();
                lines[0] = char.ToUpperInvariant(rest[0]) + rest[1..];
                continue;
            }
            return lines.Skip(first).ToList();
        }
    }

    /// <summary>Whether anything above a line is more than greeting, sign-off or marking (a pointer such as "See attached."
    /// counts: it may be all the lead wrote).</summary>
    private static bool HasContentBefore(List<string> lines, int index) => lines.Take(index).Any(l => l.Trim() is { Length: > 0 } t && !Marking().IsMatch(t) && !Valediction().IsMatch(t) && !IsGreetingOnly(t));

    private static bool IsGreetingOnly(string line) => Greeting().Match(line) is { Success: true } g && line[g.Length..].Trim().Length == 0;

    /// <summary>The earliest valediction line in the tail after which there is only signature.</summary>
    private static int? SignOffAt(List<string> lines, HashSet<string> names)
    {
        var from = Math.Max(0, lines.Count - TailWindow);
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.Length > 120 || !Valediction().IsMatch(line)) continue;
            if (!HasContentBefore(lines, i)) continue;
            var after = lines.Skip(i + 1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (after.Count <= 25 && after.All(l => IsSignatureLine(l, names, loose: true))) return i;
        }
        return null;
    }

    /// <summary>Where a trailing signature block without a sign-off starts: contiguous signature lines at the end that
    /// include the sender's name or a contact detail, starting at a paragraph break or at the sender's name.</summary>
    private static int? SignatureStart(List<string> lines, HashSet<string> names)
    {
        int? start = null;
        var i = lines.Count - 1;
        var anchored = false;
        var count = 0;
        while (i >= 0 && count < 25)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                // A paragraph break: everything below is signature if it was anchored.
                if (anchored) start = i + 1;
                i--;
                continue;
            }
            if (!IsSignatureLine(line, names, loose: false)) break;
            if (HasIndicator(line) || IsNameLine(line, names)) anchored = true;
            if (IsNameLine(line, names)) start = i;
            count++;
            i--;
        }
        if (i < 0 && anchored) start ??= 0;
        if (start is not { } s || s >= lines.Count) return null;
        return HasContentBefore(lines, s) ? s : null;
    }

    private static bool IsSignatureLine(string line, HashSet<string> names, bool loose)
    {
        if (line.Length > 140 || ListItem().IsMatch(line) || ReplySections.IsSectionMarker(line)) return false;
        if (HasIndicator(line) || IsNameLine(line, names) || Marking().IsMatch(line) || IsPlainSeparator(line) || Valediction().IsMatch(line) || Disclaimerish(line)) return true;
        if (IsSentence(line)) return false;
        if (loose) return Words(line).Count <= 14;
        return IsTitleLike(line);
    }

    private static bool Disclaimerish(string line) => DisclaimerDecisive().IsMatch(line);

    public static bool HasIndicator(string line) =>
        Phone().IsMatch(line) || DigitHeavy(line) || (Words(line).Count <= 10 && (Email().IsMatch(line) || Url().IsMatch(line)))
        || (Words(line).Count <= 12 && (Social().IsMatch(line) || Postcode().IsMatch(line))) || Pronouns().IsMatch(line) || Logo().IsMatch(line);

    private static bool DigitHeavy(string line)
    {
        var digits = line.Count(char.IsDigit);
        return digits >= 9 && line.Count(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.') >= line.Length * 0.6;
    }

    private static bool IsNameLine(string line, HashSet<string> names)
    {
        if (names.Count == 0) return false;
        var words = NameWords(line).ToList();
        if (words.Count is 0 or > 5) return false;
        var full = 0;
        foreach (var w in words)
        {
            var lower = w.ToLowerInvariant();
            if (names.Contains(lower)) { full++; continue; }
            if (w.Length <= 2 && char.IsUpper(w[0])) continue; // an initial
            return false;
        }
        return full > 0;
    }

    private static bool IsTitleLike(string line)
    {
        var words = Words(line);
        if (words.Count is 0 or > 9 || line.Length > 90) return false;
        if (line.EndsWith('.') || line.EndsWith('!') || line.EndsWith('?') || line.EndsWith(':') || line.EndsWith(';')) return false;
        var counted = words.Where(w => w.Any(char.IsLetter) && !Connectors.Contains(w.ToLowerInvariant())).ToList();
        if (counted.Count == 0) return line.Contains('|');
        return counted.Count(w => char.IsUpper(w.First(char.IsLetter))) >= counted.Count * 0.6;
    }

    /// <summary>A line of prose: several words, and either ends like a sentence or has two or more lower-case words.</summary>
    private static bool IsSentence(string line)
    {
        var words = Words(line);
        if (words.Count < 4) return false;
        var lower = words.Count(w => w.Length > 0 && char.IsLower(w[0]) && !Connectors.Contains(w.ToLowerInvariant()));
        return lower >= 2 || (words.Count >= 6 && (line.EndsWith('.') || line.EndsWith('!') || line.EndsWith('?')));
    }

    private static bool IsPlainSeparator(string line) => line.Length >= 2 && line.All(c => c is '-' or '_' or '=' or '*' or '~' or '–' or '—' or '.' or ' ');

    private static List<string> Words(string line) => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static readonly HashSet<string> Connectors = ["of", "and", "for", "the", "to", "in", "at", "on", "&", "a", "an", "with", "|", "-", "–", "y", "a'r", "und", "für", "de", "du", "la", "le", "et", "des", "i", "w", "z", "dla", "ac", "yn", "o"];

    [GeneratedRegex(@"^[\s*\[(]*((security\s+)?classification|sensitivity|protective\s+marking|marking|dosbarthiad)?\s*[:\-–]?\s*(OFFICIAL([\s\-–:/]+(SENSITIVE|PUBLIC|PERSONAL|COMMERCIAL|LOCKED|FOR PUBLIC RELEASE))*|OFFICIAL[\s\-–]SENSITIVE|NOT\s+PROTECTIVELY\s+MARKED|UNCLASSIFIED|PROTECT([\s\-–:]+(PERSONAL|POLICY|STAFF))?|RESTRICTED|SWYDDOGOL([\s\-–:]+SENSITIF)?|HEB\s+EI\s+DDOSBARTHU)[\s*\])]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Marking();

    [GeneratedRegex(@"^(?i:((with\s+)?(kind|kindest|best|warm|warmest|many|good|sincere)\s+)?regards|rgds|kr|br|bw|best\s+wishes|all\s+the\s+best|all\s+best|best|many\s+thanks(\s+(again|in\s+advance))?|thanks(\s+(so\s+much|very\s+much|again|all|everyone|in\s+advance|a\s+lot))?|thank\s+you(\s+(so\s+much|very\s+much|again|all))?|thx|ta|cheers|yours(\s+(sincerely|faithfully|truly))?|sincerely|respectfully|take\s+care|speak\s+soon|with\s+(many\s+)?thanks|(warm|kind|best|good)\s+wishes|have\s+a\s+(good|great|nice|lovely)\s+(day|weekend|week)|diolch(\s+yn\s+fawr(\s+iawn)?)?|cofion(\s+(gorau|cynnes|caredig))?|yn\s+gywir|yr\s+eiddoch(\s+yn\s+gywir)?|gyda\s+diolch|gyda\s+dymuniadau\s+gorau|hwyl(\s+fawr)?|mit\s+(den\s+)?(freundlichen|besten|herzlichen|lieben|kollegialen)\s+gr(ü|ue)(ß|ss)en|mit\s+freundlichem\s+gru(ß|ss)|(freundliche|viele|beste|liebe|herzliche|sch(ö|oe)ne)\s+gr(ü|ue)(ß|ss)e|gru(ß|ss)|gr(ü|ue)(ß|ss)e|mfg|lg|vg|(vielen\s+)?dank(e)?(\s+(sch(ö|oe)n|sehr))?|(bien\s+|très\s+|tres\s+)?cordialement|bien\s+(à|a)\s+(vous|toi)|(meilleures\s+|sincères\s+|bien\s+)?salutations(\s+distinguées)?|bonne\s+(journée|soirée)|merci(\s+(beaucoup|bien))?|amicalement|veuillez\s+agréer.{0,160}|pozdrawiam(\s+(serdecznie|cieplutko))?|serdecznie\s+pozdrawiam|z\s+(wyrazami\s+)?(poważaniem|szacunku|szacunkiem)|dziękuję(\s+bardzo)?|dzięki|pozdrowienia|łączę\s+pozdrowienia|miłego\s+dnia|saludos|un\s+saludo|atentamente|met\s+vriendelijke\s+groet(en)?|groeten|mvg|cordiali\s+saluti)(\s*/\s*(?i:regards|thanks|thank\s+you|kind\s+regards|best\s+wishes|many\s+thanks|diolch|cofion))?([\s,.!:;\-–]+(\p{Lu}[\p{L}'’.\-]*|[\p{Lu}]\.)(\s+(\p{Lu}[\p{L}'’.\-]*|de|van|von|ap)){0,4})?[\s,.!]*(:\)|:-\)|\p{So})?$")]
    private static partial Regex Valediction();

    [GeneratedRegex(@"^(?i:hi|hello|hey|hiya|dear|good\s+(morning|afternoon|evening|day)|morning|afternoon|greetings|to\s+whom\s+it\s+may\s+concern|helo|shwmae|s'mae|bore\s+da|prynhawn\s+da|noswaith\s+dda|annwyl|hallo|guten\s+(morgen|tag|abend)|sehr\s+geehrte[rs]?|liebe[rs]?|moin|servus|bonjour|bonsoir|salut|madame|monsieur|cher|chère|dzień\s+dobry|witam|witaj|szanown[ya]|szanowni\s+państwo|cześć|drog[ia])(\s*/\s*(?i:hi|hello|dear|good\s+(morning|afternoon)|bore\s+da|helo|annwyl|shwmae))?(\s+(?i:all|everyone|team|there|both|folks|colleagues|again)|\s+\p{Lu}[\p{L}'’\-]*(\s+\p{Lu}[\p{L}'’\-]*){0,3}|\s+(?i:mr|mrs|ms|miss|dr|herr|frau|pani|pan)\.?\s+\p{Lu}[\p{L}'’\-]*)?(\s+(and|&|a|und|et|i)\s+\p{Lu}[\p{L}'’\-]*)?\s*[,.!:;\-–]*")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?i:(please\s+)?(see|find|read)\s+(below|attached|enclosed|(my|our|the)\s+.{0,60}(below|attached|as\s+follows|enclosed))|(please\s+)?(see|find)\s+(my|our|the)\s+(latest\s+|quarterly\s+|q\d\s+|requested\s+)?(updates?|progress|response|comments|return|information|report)(\s+(for|on)\s+.{1,60})?|(my|our|the)\s+(latest\s+|quarterly\s+|q\d\s+|requested\s+)?(updates?|progress(\s+updates?)?|responses?|comments|return)(\s+(for|on)\s+.{1,60})?(\s+(is|are))?(\s+as\s+follows|\s+below)?|(here|below)\s+(is|are)\s+.{0,80}|updates?\s+(below|as\s+follows).{0,80}|as\s+requested.{0,80}|(many\s+)?(thanks|thank\s+you)(\s+(very|so)\s+much)?\s+for\s+(the|your)\s+(reminder|email|e-mail|message|chasing|nudge|patience|request).{0,60}|(apologies|sorry)(\s+(for|about))?\s+(the\s+|my\s+|our\s+)?(delay|delayed|late\s+(reply|response)|lateness).{0,80}|(i\s+)?hope\s+(you\s+are|you're|this\s+(e-?mail\s+)?finds\s+you|all\s+is|you\s+had).{0,60}|further\s+to\s+your\s+(email|e-mail|message|reminder|request).{0,80}|in\s+response\s+to\s+your\s+(email|e-mail|message|reminder|request).{0,80}|anbei\s+.{0,80}|(siehe|bitte\s+siehe)\s+(unten|nachstehend|anbei).{0,60}|(hier|unten)\s+(ist|sind|finden\s+sie)\s+.{0,80}|vielen\s+dank\s+f(ü|ue)r\s+(die|ihre|deine)\s+(erinnerung|e-mail|nachricht|anfrage).{0,40}|(veuillez|vous)\s+trouver\s+ci-(dessous|joint).{0,80}|voici\s+(notre|mon|ma|les|la|le)\s+.{0,80}|merci\s+pour\s+(le|votre|ton)\s+(rappel|message|courriel|mail).{0,40}|poniżej\s+(przesyłam|przekazuję|znajdzie|aktualizacj|informacj).{0,80}|w\s+załączeniu\s+.{0,80}|przesyłam\s+(aktualizację|informacje|aktualne).{0,80}|dziękuję\s+za\s+(przypomnienie|wiadomość|maila).{0,40}|gweler\s+(isod|ynghlwm).{0,80}|dyma('r)?\s+(ein|fy|y)\s+.{0,80}|diolch\s+am\s+(y|eich|dy)\s+(nodyn|neges|e-bost|atgoffa).{0,40})[\s.:!,;]*$")]
    private static partial Regex Pointer();

    [GeneratedRegex(@"^(?i:(i\s+)?hope\s+(this|that)\s+(helps|is\s+(ok|okay|helpful|useful|what\s+you\s+need)).{0,40}|(any|if\s+you\s+have\s+any)\s+(questions|queries|problems).{0,80}|(please\s+)?(let\s+me\s+know|do\s+let\s+me\s+know|shout)\s+if\s+.{0,80}|(please\s+)?(do\s+not|don't)\s+hesitate\s+to\s+.{0,80}|(please\s+)?feel\s+free\s+to\s+.{0,80}|happy\s+to\s+(discuss|help|chat|provide).{0,60}|(many\s+)?thanks(\s+(very|so)\s+much)?\s+for\s+(your|the)\s+(patience|help|support|understanding).{0,40}|thanks\s+again.{0,20}|(have\s+a\s+)?(good|great|nice|lovely)\s+(day|weekend|week).{0,10})[\s.:!,;]*$")]
    private static partial Regex Closing();

    [GeneratedRegex(@"(?<=[.!?])\s+|(?<=,)\s+(?=(?i:please|see|find|here|below|thanks|thank|apologies|sorry|hope|as\s+requested|our|my|the)\b)")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"(?i:intended\s+(solely\s+|only\s+|exclusively\s+)?for\s+the\s+(use\s+of\s+the\s+)?(named\s+|individual|addressee|intended|person|recipient|entity)|(received|receive|receiving)\s+this\s+(e-?mail|email|message|communication|transmission)(\s+\S+){0,3}\s+(in\s+error|by\s+mistake|in\s+mistake)|if\s+you\s+are\s+not\s+the\s+(intended|named|addressed)\s+(recipient|addressee)|(e-?mail|message|communication|information|transmission)s?(\s+and\s+any\s+(files|attachments|documents)(\s+transmitted\s+with\s+it)?)?\s+(is|are|may\s+be|contains?|may\s+contain)\s+(strictly\s+)?(confidential|privileged|legally\s+privileged|protectively\s+marked|sensitive)|(notify|inform|contact)\s+the\s+(sender|originator)|(delete|destroy|remove)\s+(it|this|the\s+(e-?mail|message|original)|all\s+copies)|(views|opinions)\s+(or|and)\s+(opinions|views)|(views|opinions)\s+expressed|do\s+not\s+necessarily\s+(represent|reflect)|(may|will)\s+be\s+(monitored|recorded|intercepted|read)|(checked|scanned|swept)\s+for\s+(viruses|malware|the\s+presence)|(accepts?|accept)\s+no\s+(liability|responsibility)|free\s+(of|from)\s+(viruses|any\s+virus)|unauthori[sz]ed\s+(use|disclosure|copying|distribution|dissemination|review)|(copying|distribution|disclosure|dissemination|use)\s+(of\s+(this|it)|is\s+(strictly\s+)?(prohibited|forbidden))|strictly\s+prohibited|freedom\s+of\s+information\s+act|data\s+protection\s+act|(vertraulich|vertrauliche)|irrtümlich\s+erhalten|nicht\s+der\s+(richtige|vorgesehene)\s+(adressat|empfänger)|(informieren|benachrichtigen)\s+sie\s+(bitte\s+)?(sofort\s+|umgehend\s+)?den\s+absender|unbefugte\s+(weitergabe|nutzung)|confidentiel(le)?s?|par\s+erreur|destinataire(s)?\s+(désigné|visé|exclusif)|avertir\s+(immédiatement\s+)?l'expéditeur|poufn|przez\s+pomyłkę|omyłkowo|(poinformowanie|powiadomienie|poinformować|powiadomić)\s+nadawc|(usunięcie|usunąć|usuń)\s+(tej\s+)?wiadomoś|cyfrinachol|derbyn\s+y\s+neges\s+hon\s+trwy\s+gamgymeriad|rhoi\s+gwybod\s+i'r\s+anfonwr)")]
    private static partial Regex DisclaimerPhrase();

    /// <summary>One of these alone makes a paragraph a notice.</summary>
    [GeneratedRegex(@"(?i:think\s+before\s+you\s+print|consider\s+the\s+environment\s+before\s+printing|(please\s+)?(do\s+not|don't)\s+print\s+this|print\s+this\s+e-?mail\s+only\s+if|save\s+paper|^(confidentiality|legal|email|e-mail|privacy)\s+(notice|disclaimer|statement|warning)\b|^disclaimer\b|^\**(caution|warning|external)\**\s*[:\-]\s*(this\s+)?(e-?mail|message)?|originated\s+from\s+outside\s+(of\s+)?(the|your|our|this)\s+organi[sz]ation|(do\s+not|don't)\s+click\s+(on\s+)?(any\s+)?links|welcome\s+correspondence\s+(and\s+calls\s+)?in\s+welsh|croesawu\s+gohebiaeth|(rydym\s+yn\s+croesawu|we\s+welcome)\s+.{0,40}(cymraeg|welsh)|bitte\s+denken\s+sie\s+an\s+die\s+umwelt|pensez\s+(à|a)\s+l'environnement|avant\s+d'imprimer|zanim\s+wydrukujesz|meddyliwch\s+cyn\s+argraffu)")]
    private static partial Regex DisclaimerDecisive();

    [GeneratedRegex(@"^(?i:this\s+(e-?mail|email|message|communication|transmission)|the\s+information\s+(contained\s+)?in\s+this|(the\s+)?contents?\s+of\s+this|confidential|confidentiality|disclaimer|legal|important|notice|privileged|caution|warning|external|if\s+you\s+(are\s+not|have\s+received)|any\s+(views|opinions)|(please\s+)?(think|consider)|views\s+expressed|communications?\s+(with|sent|to)|e-?mails?\s+(sent|to|from|are)|all\s+(e-?mails?|communications)|we\s+welcome|rydym|mae'r|diese|die\s+(e-mail|nachricht)|ce\s+(message|courriel)|le\s+présent|ta\s+wiadomość|niniejsza|informacja)")]
    private static partial Regex DisclaimerOpener();

    [GeneratedRegex(@"^(?i:(t|tel|tele|telephone|phone|ph|p|m|mob|mobile|cell|direct(\s+(dial|line))?|dd|ddi|office|work|switchboard|ext|extension|fax|f|ffôn|ffon|rhif\s+ffôn|symudol|ffacs|telefon|tel\.\s*kom|kom|komórka|tél|tel\.|handy|mobil|fixe|portable)|(?i:ffôn|tel|mobile|phone))\.?\s*[:.]?\s*(\(\d\)\s*)?[+(]?\d[\d\s().\-]{6,}")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?i:https?://\S+|www\.\S+|\b[\w\-]+(\.[\w\-]+)*\.(gov\.uk|org\.uk|co\.uk|police\.uk|nhs\.uk|nhs\.net|ac\.uk|gov\.wales|llyw\.cymru|com|org|net|uk|cymru|wales|de|fr|pl)(/\S*)?\b)")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?i:\b(twitter|facebook|linkedin|instagram|youtube|tiktok|threads|bluesky|follow\s+us|find\s+us\s+on|like\s+us\s+on|dilynwch\s+ni)\b|^@\w{2,}$|\bx\.com\b)")]
    private static partial Regex Social();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"(?i:\b(she/her|he/him|they/them|she/they|he/they|they/she|they/he|ze/zir|xe/xem)(/\w+)?\b|\bpronouns?\b|\brhagenwau\b)")]
    private static partial Regex Pronouns();

    [GeneratedRegex(@"^(?i:\[(cid:|image:?|logo|description:|cid|signature_|banner).{0,200}\]|<image\d{3}\.(png|jpg|jpeg|gif)>|\[https?://\S+\])$")]
    private static partial Regex Logo();

    [GeneratedRegex(@"^\s*([-*•·▪‣◦o–]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+|\(?[ivx]{1,4}[.)]\s+)")]
    private static partial Regex ListItem();
}
