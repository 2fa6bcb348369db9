using System.Globalization;
using System.Text.RegularExpressions;

namespace CspFunctions.Import;

/// <summary>An action's reference as the plan writes it: "12", "1.2", "3a". "12.", "12 ." and a number cell 12.0 are all
/// "12". References compare in natural order (1.2 before 1.10, 3 before 3a before 10).</summary>
public static partial class ActionReference
{
    public const int MaxLength = 20;

    /// <summary>The reference as stored, or null when the text is not one (the reason in <paramref name="problem"/>).</summary>
    public static string? Parse(string? text, out string? problem)
    {
        problem = null;
        var t = CellText.OneLine(text);
        // Trailing dots and the spaces before them: "12.", "12 .", "1.2."
        while (t.Length > 0 && (t[^1] == '.' || t[^1] == ' ')) t = t[..^1];
        if (t.Length == 0) return null;
        if (WholeWithZeros().Match(t) is { Success: true } m) t = m.Groups[1].Value;
        if (t.Length > MaxLength || !Pattern().IsMatch(t) || !HasDigit(t))
        {
            problem = $"'{text?.Trim()}' is not an action reference (write it as 12, 1.2 or 3a)";
            return null;
        }
        return !t.AsSpan().ContainsAnyExceptInRange('0', '9') ? t.TrimStart('0') is { Length: > 0 } n ? n : "0" : t;
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
            if (char.IsDigit(c)) return true;
        return false;
    }

    /// <summary>The whole number a reference is, if it is one ("12" is 12; "1.2" and "3a" are not).</summary>
    public static int? Whole(string reference) =>
        !reference.AsSpan().ContainsAnyExceptInRange('0', '9') && int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The text of a number cell, as Excel shows it for a general format: 12 for 12.0, 1.2 for 1.2000000000000002.</summary>
    public static string NumberText(string raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("G15", CultureInfo.InvariantCulture) : raw;

    public static readonly IComparer<string> NaturalOrder = Comparer<string>.Create(Compare);

    public static int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var si = i; while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                var sj = j; while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                var x = a.AsSpan(si, i - si).TrimStart('0');
                var y = b.AsSpan(sj, j - sj).TrimStart('0');
                if (x.Length != y.Length) return x.Length.CompareTo(y.Length);
                var c = x.SequenceCompareTo(y);
                if (c != 0) return c;
                continue;
            }
            var d = char.ToLowerInvariant(a[i]).CompareTo(char.ToLowerInvariant(b[j]));
            if (d != 0) return d;
            i++; j++;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }

    [GeneratedRegex(@"^([0-9]+)\.0+$")]
    private static partial Regex WholeWithZeros();

    [GeneratedRegex(@"^[\p{L}\p{N}]+(?:[.\-/]?[\p{L}\p{N}]+)*(?:\([\p{L}\p{N}]{1,4}\))?$")]
    private static partial Regex Pattern();
}
