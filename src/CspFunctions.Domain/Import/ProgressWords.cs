using System.Globalization;
using System.Text.RegularExpressions;
using CspFunctions.Progress;

namespace CspFunctions.Import;

/// <summary>Status and RAG as plan files write them: the words of a status or RAG column, a red/amber/green cell fill with no
/// text, or a leading status line ("Complete · RAG Green", "Status: On track", "RAG: Amber"). Nothing is guessed from the
/// progress text itself.</summary>
public static partial class ProgressWords
{
    private static readonly Dictionary<string, ProgressStatus> StatusNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["notstarted"] = ProgressStatus.NotStarted, ["notyetstarted"] = ProgressStatus.NotStarted, ["pending"] = ProgressStatus.NotStarted,
        ["ontrack"] = ProgressStatus.OnTrack, ["ongoing"] = ProgressStatus.OnTrack, ["inprogress"] = ProgressStatus.OnTrack,
        ["atrisk"] = ProgressStatus.AtRisk, ["delayed"] = ProgressStatus.AtRisk, ["slipping"] = ProgressStatus.AtRisk,
        ["offtrack"] = ProgressStatus.OffTrack, ["notontrack"] = ProgressStatus.OffTrack, ["behind"] = ProgressStatus.OffTrack,
        ["complete"] = ProgressStatus.Complete, ["completed"] = ProgressStatus.Complete, ["done"] = ProgressStatus.Complete, ["achieved"] = ProgressStatus.Complete,
        ["carriedforward"] = ProgressStatus.CarriedForward, ["carriedover"] = ProgressStatus.CarriedForward, ["rolledover"] = ProgressStatus.CarriedForward,
        ["rolledforward"] = ProgressStatus.CarriedForward,
        ["statusnotgiven"] = ProgressStatus.NotGiven, ["notgiven"] = ProgressStatus.NotGiven,
    };

    public const string StatusWords = "Not started, On track, At risk, Off track, Complete or Carried forward";

    public static bool TryStatus(string? text, out ProgressStatus status)
    {
        status = default;
        var key = Squash(text);
        return key.Length > 0 && (StatusNames.TryGetValue(key, out status) || Enum.TryParse(key, true, out status) && Enum.IsDefined(status) && !key.All(char.IsDigit));
    }

    public static bool TryRag(string? text, out Rag rag)
    {
        rag = default;
        var key = Squash(text);
        switch (key)
        {
            case "r" or "red": rag = Rag.Red; return true;
            case "a" or "amber" or "yellow" or "orange": rag = Rag.Amber; return true;
            case "g" or "green": rag = Rag.Green; return true;
            case "ragnotgiven" or "notgiven": rag = Rag.NotGiven; return true;
            default: return false;
        }
    }

    /// <summary>A cell fill as a RAG colour: red, amber (including yellow and orange) or green, by hue; pale, dark and grey
    /// fills are no rating.</summary>
    public static Rag? FromFill(string? rrggbb)
    {
        if (rrggbb is not { } hex) return null;
        hex = hex.Trim().TrimStart('#');
        if (hex.Length == 8) hex = hex[2..];
        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)) return null;
        double r = (value >> 16 & 0xFF) / 255.0, g = (value >> 8 & 0xFF) / 255.0, b = (value & 0xFF) / 255.0;
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var chroma = max - min;
        if (max < 0.3 || chroma < 0.35) return null;
        double hue = max == r ? 60 * (((g - b) / chroma + 6) % 6) : max == g ? 60 * ((b - r) / chroma + 2) : 60 * ((r - g) / chroma + 4);
        return hue switch
        {
            < 20 or >= 330 => Rag.Red,
            < 70 => Rag.Amber,
            < 170 => Rag.Green,
            _ => null,
        };
    }

    /// <summary>A first paragraph that is only a status and/or RAG: "Complete · RAG Green", "Status: On track",
    /// "On track - Green", "RAG: Amber", "Complete". Null when the paragraph is anything else.</summary>
    public static (ProgressStatus? Status, Rag? Rag)? LeadingLine(string line)
    {
        var t = CellText.OneLine(line).Trim().TrimEnd('.', ':').Trim();
        if (t.Length == 0 || t.Length > 60) return null;
        ProgressStatus? status = null;
        Rag? rag = null;
        foreach (var raw in Separators().Split(t))
        {
            var part = raw.Trim();
            if (part.Length == 0) continue;
            var label = Label().Match(part);
            var kind = label.Success ? label.Groups[1].Value.ToLowerInvariant() : "";
            var value = label.Success ? part[label.Length..].Trim() : part;
            if (!kind.StartsWith("rag", StringComparison.Ordinal) && rag is null && status is null && TryStatus(value, out var s)) status = s;
            else if (!kind.StartsWith("status", StringComparison.Ordinal) && !kind.StartsWith("current", StringComparison.Ordinal) && rag is null && TryRag(value, out var r) && value.Length > 1) rag = r;
            else return null;
        }
        if (status == ProgressStatus.NotGiven) rag ??= Rag.NotGiven;
        return status is null && rag is null ? null : (status, rag);
    }

    [GeneratedRegex(@"\s*(?:·|\||;|,|\(|\)|\s[-–—]\s)\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(current status|status|rag status|rag rating|rag colour|rag)\b\s*[:\-–]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    /// <summary>The letters and digits of the text, lower-cased ("On track" is "ontrack").</summary>
    private static string Squash(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        return new string(buffer[..n]);
    }
}
