using DocumentFormat.OpenXml.Spreadsheet;

namespace CspFunctions.Import;

/// <summary>What an Excel cell's style says about it: its solid fill colour (RRGGBB), whether its number format is a date, and
/// otherwise its number format (<see cref="CellNumberFormat"/>), so a number cell reads as it shows.</summary>
internal sealed class CellStyles
{
    // The legacy indexed palette entries trackers use for red, amber/yellow and green fills.
    private static readonly Dictionary<uint, string> Indexed = new()
    {
        [2] = "FF0000", [10] = "FF0000", [5] = "FFFF00", [13] = "FFFF00", [3] = "00FF00", [11] = "00FF00", [17] = "008000",
        [50] = "99CC00", [51] = "FFCC00", [52] = "FF9900", [53] = "FF6600", [57] = "339966", [60] = "993300",
    };

    private readonly List<string?> _fills = [];
    private readonly List<bool> _dates = [];
    private readonly List<string?> _formats = [];

    public CellStyles(Stylesheet? stylesheet)
    {
        var fills = stylesheet?.Fills?.Elements<Fill>().Select(FillColour).ToList() ?? [];
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        foreach (var xf in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var fillId = (int)(xf.FillId?.Value ?? 0);
            _fills.Add(fillId < fills.Count ? fills[fillId] : null);
            var fmt = xf.NumberFormatId?.Value ?? 0;
            var code = custom.TryGetValue(fmt, out var c) ? c : CellNumberFormat.BuiltIn(fmt);
            var date = fmt is >= 14 and <= 22 or >= 45 and <= 47 || custom.ContainsKey(fmt) && IsDateFormat(code!);
            _dates.Add(date);
            _formats.Add(date ? null : CellNumberFormat.ToNumericFormat(code));
        }
    }

    public string? Fill(uint? style) => style is { } s && s < _fills.Count ? _fills[(int)s] : null;
    public bool IsDate(uint? style) => style is { } s && s < _dates.Count && _dates[(int)s];
    /// <summary>The cell's number format as a .NET numeric format, or null for General (and formats shown as General).</summary>
    public string? NumberFormat(uint? style) => style is { } s && s < _formats.Count ? _formats[(int)s] : null;

    private static string? FillColour(Fill fill)
    {
        var pattern = fill.PatternFill;
        if (pattern is null || pattern.PatternType?.Value is not { } type || type == PatternValues.None || type == PatternValues.Gray125) return null;
        var colour = pattern.ForegroundColor;
        if (colour?.Rgb?.Value is { Length: >= 6 } rgb) return rgb[^6..];
        if (colour?.Indexed?.Value is { } index && Indexed.TryGetValue(index, out var known)) return known;
        return null;
    }

    private static bool IsDateFormat(string code)
    {
        var inQuote = false;
        var bare = new System.Text.StringBuilder();
        foreach (var c in code)
        {
            if (c == '"') { inQuote = !inQuote; continue; }
            if (!inQuote) bare.Append(char.ToLowerInvariant(c));
        }
        var b = System.Text.RegularExpressions.Regex.Replace(bare.ToString(), @"\[[^\]]*\]", "");
        return b.Contains('d') || b.Contains('y') || (b.Contains('m') && !b.Contains('0') && !b.Contains('#'));
    }
}
