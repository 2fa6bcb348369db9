using System.Text.RegularExpressions;

namespace CspFunctions.Responses;

/// <summary>Recognises a reply or section that only says nothing has changed ("No change", "No change since last quarter",
/// "As last quarter", "Nothing further to add", and the same in Welsh, German, French and Polish).</summary>
public static partial class NoChangeReply
{
    public static bool Matches(string text)
    {
        var t = text.Trim();
        return t.Length is > 0 and <= 120 && !t.Contains('\n') && Pattern().IsMatch(t);
    }

    [GeneratedRegex(@"^(?i:(there\s+(is|has\s+been)\s+)?(no|nil)\s+(change|changes)(\s+(since|from|to|on)\s+(the\s+)?(last|previous|our\s+last|my\s+last)\s+(quarter|update|report|return|submission|time|round|month))?(\s+to\s+(report|add|the\s+(last|previous)\s+(update|quarter)))?(\s+(this|for\s+this)\s+(quarter|time|round))?|(no|nil)\s+(further\s+|new\s+)?(update|updates|progress\s+update)(\s+(this|for\s+this|since\s+last)\s+(quarter|time|round))?|as\s+(per\s+)?(last|previous)\s+(quarter|update|time|report|return)('s)?(\s+update)?|(same|unchanged)\s+as\s+(last|previous)\s+(quarter|update|time|report)|(the\s+)?same\s+as\s+before|unchanged|still\s+the\s+same|nothing\s+(further|new|more|else)\s+to\s+(add|report|update)|nothing\s+to\s+(add|report|update)(\s+(this|since\s+last)\s+(quarter|time))?|(update|position|status)\s+(is\s+)?(unchanged|as\s+(last|previous)\s+quarter)|keine\s+(änderung|aenderung|änderungen|veränderung)(\s+seit\s+dem\s+letzten\s+quartal)?|unverändert|pas\s+de\s+(changement|modification)(\s+depuis\s+le\s+dernier\s+trimestre)?|aucun\s+changement|inchangé|bez\s+zmian|brak\s+zmian|dim\s+newid(\s+ers\s+y\s+chwarter\s+diwethaf)?)[\s.!,;]*$")]
    private static partial Regex Pattern();
}
