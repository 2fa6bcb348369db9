using System.Globalization;
using System.Text.RegularExpressions;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>
/// Splits a cleaned reply among a lead's actions. A lead with one action: the whole reply is its update. Otherwise a
/// section starts at a line beginning with an action reference: strong markers ("#9", "#1.2", "Action 9:", "Action 2.1 -",
/// "Key action 9", "Re action 9", "Item 9") always, weak ones ("9.", "9)", "9:", "3a)", "(9)") only for the lead's own
/// actions and not where they continue a typed numbered list. Text before the first section that is only greeting or
/// marking is dropped; other text before it, and strong sections for actions the lead does not have, are unassigned.
/// References are compared as text, so non-integer references ("1.2", "3a") work once actions carry them.
/// </summary>
public static partial class ReplySections
{
    public static SplitReply Split(string reply, IReadOnlyCollection<int> leadActions) =>
        Split(reply, leadActions.ToDictionary(n => n.ToString(CultureInfo.InvariantCulture), n => n, StringComparer.OrdinalIgnoreCase));

    /// <summary>Splits a reply among the lead's actions by their references as people write them ("9", "1.2", "3a").</summary>
    public static SplitReply Split(string reply, IEnumerable<Plans.PlanAction> actions) =>
        Split(reply, actions.GroupBy(a => a.Ref, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Number, StringComparer.OrdinalIgnoreCase));

    /// <param name="references">Each of the lead's action references as written in reminders ("9", "1.2") and its action.</param>
    public static SplitReply Split(string reply, IReadOnlyDictionary<string, int> references)
    {
        reply = reply.Trim();
        if (reply.Length == 0 || references.Count == 0) return new([], reply);
        var lines = reply.Split('\n');
        var single = references.Values.Distinct().Count() == 1 ? references.Values.First() : (int?)null;

        var sections = new List<(int Number, List<string> Lines, string Heading)>();
        var head = new List<string>();
        var unassigned = new List<string>();
        List<string> current = head;
        int? lastListNumber = null;
        var sawStrongOther = false;
        foreach (var line in lines)
        {
            var marker = ParseMarker(line);
            if (marker is { } m)
            {
                var isLeads = references.TryGetValue(Normalise(m.Reference), out var number);
                var continuesList = !m.Strong && int.TryParse(m.Reference, out var asInt) && lastListNumber == asInt - 1;
                if (isLeads && (m.Strong || !continuesList))
                {
                    var index = sections.FindIndex(s => s.Number == number);
                    if (index < 0) { sections.Add((number, [], line)); index = sections.Count - 1; }
                    current = sections[index].Lines;
                    if (m.Rest.Trim().Length > 0) current.Add(m.Rest.Trim());
                    lastListNumber = null;
                    continue;
                }
                if (m.Strong)
                {
                    sawStrongOther = true;
                    current = unassigned;
                    current.Add(line);
                    lastListNumber = null;
                    continue;
                }
                if (int.TryParse(m.Reference, out var item)) lastListNumber = item;
            }
            current.Add(line);
        }

        var headText = string.Join("\n", head.Where(l => !ReplyCleaner.IsChatter(l) || l.Trim().Length == 0)).Trim();
        if (single is { } only && (sections.Count > 0 || !sawStrongOther || headText.Length > 0))
        {
            headText = string.Join("\n", head).Trim();
            // One action: everything that is not another action's section is its update.
            var own = sections.FirstOrDefault(s => s.Number == only).Lines ?? [];
            var text = headText.Length > 0 ? headText + (own.Count > 0 ? "\n\n" + string.Join("\n", own) : "") : string.Join("\n", own);
            var parsedSingle = new[] { Section(only, text) }.Where(s => s.Text.Length > 0 || s.Status is not null || s.Rag is not null).ToList();
            return new(parsedSingle, string.Join("\n", unassigned).Trim());
        }

        var parsed = sections.Select(s => Section(s.Number, string.Join("\n", s.Lines))).Where(s => s.Text.Length > 0 || s.Status is not null || s.Rag is not null).ToList();
        var leftOver = string.Join("\n", new[] { headText, string.Join("\n", unassigned).Trim() }.Where(t => t.Length > 0));
        return new(parsed, leftOver.Trim());
    }

    /// <summary>Whether a line starts a section in any lead's reply (strong or weak form).</summary>
    public static bool IsSectionMarker(string line) => ParseMarker(line) is { Strong: true };

    private sealed record Marker(string Reference, bool Strong, string Rest);

    private static Marker? ParseMarker(string line)
    {
        if (line.Length > 2000) line = line[..2000];
        var strong = Strong().Match(line);
        if (strong.Success) return new(strong.Groups["n"].Value, true, line[strong.Length..]);
        var weak = Weak().Match(line);
        if (weak.Success) return new(weak.Groups["n"].Value, false, line[weak.Length..]);
        return null;
    }

    private static string Normalise(string reference) => reference.Trim().TrimEnd('.').TrimStart('0') is { Length: > 0 } r ? r : "0";

    private static ReplySection Section(int number, string text)
    {
        ProgressStatus? status = null;
        Rag? rag = null;
        var kept = new List<string>();
        var lines = text.Split('\n').ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var rest = ReadFields(line, ref status, ref rag, leadingOnly: i == 0);
            if (rest is null) continue;
            kept.Add(rest);
        }
        while (kept.Count > 0 && (kept[0].Trim().Length == 0 || ReplyCleaner.IsMarking(kept[0]))) kept.RemoveAt(0);
        while (kept.Count > 0 && (kept[^1].Trim().Length == 0 || ReplyCleaner.IsMarking(kept[^1]))) kept.RemoveAt(kept.Count - 1);
        return new(number, string.Join("\n", kept).Trim(), status, rag);
    }

    /// <summary>Takes "Status: x" / "RAG: y" fields (and a leading "(Amber)" on a heading line) out of a line.
    /// Returns the rest of the line, or null when the line held only fields.</summary>
    private static string? ReadFields(string line, ref ProgressStatus? status, ref Rag? rag, bool leadingOnly)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 300) return line;
        var found = false;
        var rest = trimmed;
        while (true)
        {
            var field = Field().Match(rest);
            if (!field.Success) break;
            var name = field.Groups["name"].Value.ToLowerInvariant();
            var value = field.Groups["value"].Value.Trim();
            if (name.Contains("rag") || name.Contains("rating"))
            {
                if (ParseRag(value) is not { } r) break;
                rag = r;
            }
            else
            {
                if (ParseStatus(value) is not { } s) break;
                status = s;
            }
            found = true;
            rest = rest[field.Length..].TrimStart(' ', ',', ';', '|', '/', '-', '–', '.');
        }
        if (leadingOnly && BracketRag().Match(rest) is { Success: true } bracket && ParseRag(bracket.Groups["value"].Value) is { } br)
        {
            rag = br;
            found = true;
            rest = rest[bracket.Length..].Trim();
        }
        if (!found) return line;
        return rest.Length == 0 ? null : rest;
    }

    public static Rag? ParseRag(string value) => value.Trim().ToLowerInvariant() switch
    {
        "red" or "r" or "coch" or "rot" or "rouge" or "czerwony" => Rag.Red,
        "amber" or "a" or "ambr" or "oren" or "gelb" or "orange" or "bursztynowy" or "żółty" or "amber/green" or "amber / green" or "red/amber" => value.Trim().ToLowerInvariant().StartsWith("red", StringComparison.Ordinal) ? Rag.Red : Rag.Amber,
        "green" or "g" or "gwyrdd" or "grün" or "gruen" or "vert" or "zielony" => Rag.Green,
        _ => null,
    };

    public static ProgressStatus? ParseStatus(string value)
    {
        var v = value.Trim().TrimEnd('.', '!').ToLowerInvariant();
        if (ProgressStatusNames.TryParse(v, out var s)) return s;
        return v switch
        {
            "completed" or "done" or "finished" or "closed" or "achieved" or "delivered" or "complete - closed" => ProgressStatus.Complete,
            "ongoing" or "in progress" or "in hand" or "progressing" or "on target" or "on schedule" => ProgressStatus.OnTrack,
            "delayed" or "behind" or "behind schedule" or "slipped" or "off target" or "stalled" => ProgressStatus.OffTrack,
            "pending" or "not yet started" or "to start" or "not begun" => ProgressStatus.NotStarted,
            "at-risk" or "risk" => ProgressStatus.AtRisk,
            "carried forward into next year" or "carried forward into next years delivery plan" or "carried over" or "rolled over" => ProgressStatus.CarriedForward,
            _ => null,
        };
    }

    private const string Reference = @"(?<n>\d{1,5}(?:\.\d{1,3}){0,2}[a-z]?)";

    [GeneratedRegex(@"^\s*[*_>]*\s*(?:(?i:re:?|ref:?|reference|update\s+(?:for|on)|progress\s+(?:for|on))\s*)?(?:(?i:key\s+action|action|ka|maßnahme|massnahme|aktion|działanie|dzialanie|gweithred|cam\s+gweithredu)\s*(?i:no\.?|n°|nº|number|nr\.?|num\.?|#)?\s*" + Reference + @"|#\s?" + Reference + @")(?![\d.]*\d)[*_]*\s*(?:[:.)\-–—]+\s*[*_]*|\s+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    [GeneratedRegex(@"^\s*[*_]*\(?(?:(?<n>\d{1,5}(?:\.\d{1,3}){1,2}[a-z]?)(?:[.):]|\s[-–—])?|(?<n>\d{1,5}[a-z]?)(?:[.):]|\s[-–—]))[*_]*(?=\s|$)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Weak();

    [GeneratedRegex(@"^(?<name>(?i:(current\s+|overall\s+|progress\s+)?status|rag(\s+status|\s+rating)?|rating))\s*[:=\-–]\s*(?<value>[\p{L}][\p{L} /\-]{0,40}?)\s*(?=$|[,;|]|\s[-–]\s|\s/\s|\s(?i:rag|status)\b|\.\s|\.$)", RegexOptions.CultureInvariant)]
    private static partial Regex Field();

    [GeneratedRegex(@"^[(\[](?<value>(?i:red|amber|green|r|a|g))[)\]]\s*[:\-–]?\s*|^(?<value>(?i:red|amber|green))\s*[:\-–]\s+")]
    private static partial Regex BracketRag();
}
