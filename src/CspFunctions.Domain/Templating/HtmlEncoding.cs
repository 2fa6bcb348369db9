using System.Buffers;
using System.Net;
using System.Text;

namespace CspFunctions.Templating;

/// <summary>Writes text HTML-encoded into a builder, exactly as <see cref="WebUtility.HtmlEncode(string)"/> encodes it, without
/// the intermediate string: the encoder's own scan goes one character at a time, this one with one vector search for the
/// five characters it escapes and anything past ASCII (it also writes U+00A0-U+00FF as numeric
/// entities and looks at surrogates). Text with a surrogate is handed to WebUtility from there on.</summary>
internal static class HtmlEncoding
{
    /// <summary>The ASCII characters WebUtility copies as they stand: all but the five it escapes.</summary>
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c is not ('<' or '>' or '"' or '\'' or '&')).ToArray());

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

    /// <summary>The first character WebUtility.HtmlEncode would not copy as it stands, or -1: one vector search stops at the
    /// five it escapes and at anything past ASCII; of those, U+00A0-U+00FF and surrogates are encoded, the rest copied.</summary>
    internal static int IndexOfSpecial(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var at = text.IndexOfAnyExcept(PlainAscii);
            if (at < 0) return -1;
            var ch = text[at];
            if (ch < '\u0080' || ch is >= '\u00A0' and <= '\u00FF' || char.IsSurrogate(ch)) return offset + at;
            offset += at + 1;
            text = text[(at + 1)..];
        }
    }
}
