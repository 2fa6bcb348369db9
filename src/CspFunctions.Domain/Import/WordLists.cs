using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CspFunctions.Import;

/// <summary>What kind of list item a Word paragraph is, from its numbering (its own, or its style's): a bullet, a numbered
/// item (with its number as Word would show it, "1." or "a)"), or none.</summary>
internal sealed class WordLists
{
    private readonly Dictionary<int, int> _abstractOf = [];
    private readonly Dictionary<(int Abstract, int Level), (string Format, string Text, int Start)> _levels = [];
    private readonly Dictionary<string, NumberingProperties?> _styleNumbering = [];
    private readonly Dictionary<(int NumId, int Level), int> _counters = [];

    public WordLists(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var a in numbering.Elements<AbstractNum>())
            {
                if (a.AbstractNumberId?.Value is not { } aid) continue;
                foreach (var level in a.Elements<Level>())
                {
                    var format = level.NumberingFormat?.Val?.InnerText;
                    _levels[(aid, level.LevelIndex?.Value ?? 0)] = (string.IsNullOrEmpty(format) ? "decimal" : format, level.LevelText?.Val?.Value ?? "", level.StartNumberingValue?.Val?.Value ?? 1);
                }
            }
            foreach (var n in numbering.Elements<NumberingInstance>())
                if (n.NumberID?.Value is { } id && n.AbstractNumId?.Val?.Value is { } aid) _abstractOf[id] = aid;
        }
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
            if (style.StyleId?.Value is { } sid) _styleNumbering[sid] = style.StyleParagraphProperties?.NumberingProperties;
    }

    public (bool Bullet, string? Mark) Kind(Paragraph p)
    {
        var props = p.ParagraphProperties?.NumberingProperties;
        if (props is null && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } style) props = _styleNumbering.GetValueOrDefault(style);
        if (props?.NumberingId?.Val?.Value is not { } numId || numId == 0) return (false, null);
        var level = props.NumberingLevelReference?.Val?.Value ?? 0;
        if (!_abstractOf.TryGetValue(numId, out var aid) || !_levels.TryGetValue((aid, level), out var def))
            return (true, null); // numbering we cannot resolve reads best as a list item
        if (def.Format == "bullet") return (true, null);
        if (def.Format == "none") return (false, null);
        var count = _counters.GetValueOrDefault((numId, level), def.Start - 1) + 1;
        _counters[(numId, level)] = count;
        foreach (var deeper in _counters.Keys.Where(k => k.NumId == numId && k.Level > level).ToList()) _counters.Remove(deeper);
        var shown = def.Format.ToLowerInvariant() switch
        {
            "lowerletter" => ((char)('a' + (count - 1) % 26)).ToString(),
            "upperletter" => ((char)('A' + (count - 1) % 26)).ToString(),
            "lowerroman" => Roman(count).ToLowerInvariant(),
            "upperroman" => Roman(count),
            _ => count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var text = def.Text.Contains('%') ? System.Text.RegularExpressions.Regex.Replace(def.Text, "%[0-9]", shown) : shown + ".";
        return (false, text.Trim());
    }

    private static string Roman(int n)
    {
        var values = new[] { (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var sb = new System.Text.StringBuilder();
        foreach (var (v, s) in values) while (n >= v) { sb.Append(s); n -= v; }
        return sb.ToString();
    }
}
