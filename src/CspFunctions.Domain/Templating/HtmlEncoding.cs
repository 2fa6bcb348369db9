using System.Buffers;
using System.Net;
using System.Text;

namespace CspFunctions.Templating;

/// <summary>Writes text HTML-encoded into a builder, exactly as <see cref="WebUtility.HtmlEncode(string)"/> encodes it, without
/// the intermediate string: the encoder's own scan goes one character at a time, this one with vector searches for the
/// five characters it escapes and for the first character from U+00A0 up (it also writes U+00A0-U+00FF as numeric
/// entities and looks at surrogates). Text with a surrogate is handed to WebUtility from there on.</summary>
internal static class HtmlEncoding
{
    private static readonly SearchValues<char> AsciiSpecial = SearchValues.Create("<>\"'&");

    public static void Append(StringBuilder html, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var rest = text.AsSpan();
        var at = IndexOfSpecial(rest);
        if (at < 0)
        {
            html.Append(text);
            return;
        }
        while (at >= 0)
        {
            html.Append(rest[..at]);
            var ch = rest[at];
            switch (ch)
            {
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                case '&':
                    html.Append("&amp;");
                    break;
                case >= '\u00A0' and <= '\u00FF':
                    // Always three digits (160-255).
                    html.Append("&#").Append((char)('0' + ch / 100)).Append((char)('0' + ch / 10 % 10)).Append((char)('0' + ch % 10)).Append(';');
                    break;
                default:
                    // A surrogate (a pair as one numeric entity, a lone one as U+FFFD): WebUtility's own rules, from here.
                    html.Append(WebUtility.HtmlEncode(rest[at..].ToString()));
                    return;
            }
            rest = rest[(at + 1)..];
            at = IndexOfSpecial(rest);
        }
        html.Append(rest);
    }

    /// <summary>The first character WebUtility.HtmlEncode would not copy as it stands, or -1.</summary>
    internal static int IndexOfSpecial(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var high = text.IndexOfAnyExceptInRange('\0', '\u009F');
            var ascii = (high < 0 ? text : text[..high]).IndexOfAny(AsciiSpecial);
            if (ascii >= 0) return offset + ascii;
            if (high < 0) return -1;
            var ch = text[high];
            if (ch <= '\u00FF' || char.IsSurrogate(ch)) return offset + high;
            offset += high + 1;
            text = text[(high + 1)..];
        }
    }
}
