using System.Globalization;
using System.Text;

namespace CspFunctions.Import;

/// <summary>An Excel number format (styles.xml numFmt, or a built-in id) as the text a number cell shows: "0.00" shows 1.1 as
/// "1.10", "000" shows 7 as "007", "#,##0" shows 12000 as "12,000", "0%" shows 0.45 as "45%". Formats this does not render
/// the way Excel does (General, text "@", fractions, dates and times) give null, and the number is shown as General.</summary>
public static class CellNumberFormat
{
    /// <summary>The built-in number formats whose codes do not depend on the locale (ECMA-376 part 1, 18.8.30).</summary>
    public static string? BuiltIn(uint id) => id switch
    {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        _ => null,
    };

    /// <summary>The format code as a .NET custom numeric format that writes the same text, or null when the number is to be
    /// shown as General (no digit placeholder, "General", text, fractions, engineering notation, or anything not understood).</summary>
    public static string? ToNumericFormat(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var sb = new StringBuilder(code.Length + 8);
        var sections = 1;
        var digits = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    if (close < 0) return null;
                    foreach (var l in code.AsSpan(i + 1, close - i - 1)) sb.Append('\\').Append(l);
                    i = close;
                    break;
                case '\\':
                    if (i + 1 < code.Length) sb.Append('\\').Append(code[++i]);
                    break;
                case '_': // the width of the next character: a space
                    sb.Append("\\ ");
                    i++;
                    break;
                case '*': // fill the cell with the next character: nothing in text
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    if (end < 0) return null;
                    var inside = code[(i + 1)..end];
                    // [$£-809] is a currency symbol; [Red], [Color10], [<100] and [$-409] show nothing.
                    if (inside.StartsWith('$'))
                        foreach (var l in inside[1..].Split('-')[0]) sb.Append('\\').Append(l);
                    else if (inside.Length > 0 && (inside[0] is '<' or '>' or '=')) return null; // conditional sections: not the usual order
                    i = end;
                    break;
                case ';':
                    if (++sections > 3) return digits ? sb.ToString() : null; // the fourth section is for text
                    sb.Append(';');
                    break;
                case '0' or '#':
                    digits = true;
                    sb.Append(c);
                    break;
                case '?': // a digit or a space: the text is trimmed, so a digit or nothing
                    digits = true;
                    sb.Append('#');
                    break;
                case '.' or ',' or '%':
                    sb.Append(c);
                    break;
                case 'E' or 'e':
                    if (i + 1 < code.Length && code[i + 1] is '+' or '-') { sb.Append('E').Append(code[++i]); break; }
                    return null;
                case '@' or '/':
                    return null;
                default:
                    if (char.IsLetter(c)) return null; // General, or date and time letters
                    sb.Append('\\').Append(c);
                    break;
            }
        }
        var format = sb.ToString();
        // Engineering notation (##0.0E+0) groups exponents by three; .NET does not.
        if (format.Contains("##0.0E", StringComparison.Ordinal)) return null;
        return digits ? format : null;
    }

    /// <summary>The number as a cell with this (already translated) format shows it.</summary>
    public static string Display(double value, string numericFormat) => value.ToString(numericFormat, CultureInfo.InvariantCulture);

    /// <summary>The number as a cell with this Excel format code shows it (General when the code is not rendered here).</summary>
    public static string Show(double value, string? code) =>
        ToNumericFormat(code) is { } format ? Display(value, format) : ActionReference.NumberText(value.ToString("R", CultureInfo.InvariantCulture));
}
