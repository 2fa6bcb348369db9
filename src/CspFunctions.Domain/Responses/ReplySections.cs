using System.Text.RegularExpressions;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>
/// Splits a reply among a lead's actions. A lead with one action: the whole reply is its update. Otherwise sections
/// start with a line beginning "#9", "9.", "9)" or "Action 9:"; text before the first section, and sections for
/// actions the lead does not have, are unassigned (the manager or the lead places them through the form).
/// </summary>
public static partial class ReplySections
{
    public static SplitReply Split(string reply, IReadOnlyCollection<int> leadActions)
    {
        reply = reply.Trim();
        if (reply.Length == 0) return new([], "");
        if (leadActions.Count == 1 && !StartsWithOtherSection(reply, leadActions))
            return new([Section(leadActions.First(), StripHeading(reply, leadActions.First()))], "");

        var sections = new List<(int Number, List<string> Lines)>();
        var unassigned = new List<string>();
        List<string> current = unassigned;
        foreach (var line in reply.Split('\n'))
        {
            var match = Heading().Match(line);
            if (match.Success && int.TryParse(match.Groups["n"].Value, out var number))
            {
                if (leadActions.Contains(number))
                {
                    var existing = sections.FirstOrDefault(s => s.Number == number);
                    if (existing.Lines is null) { existing = (number, []); sections.Add(existing); }
                    current = existing.Lines;
                    var rest = line[match.Length..];
                    if (rest.Trim().Length > 0) current.Add(rest.Trim());
                    continue;
                }
                current = unassigned;
            }
            current.Add(line);
        }
        var parsed = sections.Select(s => Section(s.Number, string.Join("\n", s.Lines))).Where(s => s.Text.Length > 0).ToList();
        return new(parsed, string.Join("\n", unassigned).Trim());
    }

    private static bool StartsWithOtherSection(string reply, IReadOnlyCollection<int> leadActions)
    {
        var match = Heading().Match(reply.Split('\n')[0]);
        return match.Success && int.TryParse(match.Groups["n"].Value, out var n) && !leadActions.Contains(n);
    }

    private static string StripHeading(string reply, int number)
    {
        var match = Heading().Match(reply.Split('\n')[0]);
        return match.Success && match.Groups["n"].Value == number.ToString() ? reply[match.Length..] : reply;
    }

    private static ReplySection Section(int number, string text)
    {
        ProgressStatus? status = null;
        Rag? rag = null;
        var kept = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var field = Field().Match(line.Trim());
            if (field.Success && field.Groups["name"].Value.Equals("rag", StringComparison.OrdinalIgnoreCase) && Enum.TryParse<Rag>(field.Groups["value"].Value.Trim(), true, out var r) && Enum.IsDefined(r))
                rag = r;
            else if (field.Success && field.Groups["name"].Value.Equals("status", StringComparison.OrdinalIgnoreCase) && ProgressStatusNames.TryParse(field.Groups["value"].Value, out var s))
                status = s;
            else kept.Add(line);
        }
        return new(number, string.Join("\n", kept).Trim(), status, rag);
    }

    [GeneratedRegex(@"^\s*(?:#\s?(?<n>\d{1,5})\b[:.)\-]?|(?<n>\d{1,5})[.)](?=\s|$)|Action\s+(?:no\.?\s*)?(?<n>\d{1,5})\s*[:.)\-]?)", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<name>status|rag)\s*[:\-]\s*(?<value>[A-Za-z \-]{1,30})$", RegexOptions.IgnoreCase)]
    private static partial Regex Field();
}
