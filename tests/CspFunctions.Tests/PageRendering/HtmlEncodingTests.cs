using System.Net;
using System.Text;
using CspFunctions.Templating;

namespace CspFunctions.Tests.PageRendering;

/// <summary>HtmlEncoding (what the HTML templates write a text value with) must write exactly what WebUtility.HtmlEncode
/// gives: for every UTF-16 code unit alone and inside text, for surrogates paired and lone, and for random mixes.</summary>
public sealed class HtmlEncodingTests
{
    private static string Encode(string? text)
    {
        var html = new StringBuilder("[");
        HtmlEncoding.Append(html, text);
        return html.Append(']').ToString();
    }

    private static string Expected(string? text) => "[" + WebUtility.HtmlEncode(text) + "]";

    [Fact]
    public void Every_code_unit_alone_and_inside_text_is_encoded_as_WebUtility_encodes_it()
    {
        var wrong = new List<int>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var one = ((char)c).ToString();
            var inside = "plain text " + one + " more plain text, long enough for a vector or two";
            if (Encode(one) != Expected(one) || Encode(inside) != Expected(inside)) wrong.Add(c);
            // The scan's verdict alone: needing encoding is exactly WebUtility changing the text.
            if ((HtmlEncoding.IndexOfSpecial(inside) >= 0) != (WebUtility.HtmlEncode(inside) != inside)) wrong.Add(c);
        }
        Assert.True(wrong.Count == 0, "Encoded differently: " + string.Join(", ", wrong.Take(20).Select(c => $"U+{c:X4}")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Nothing to escape here at all, just a sentence of ordinary words that runs on.")]
    [InlineData("<script>alert('x') & \"y\"</script>")]
    [InlineData("caf\u00e9 \u00a3100 \u00a0 \u00ff\u0100 \u2014 \u201cquoted\u201d \u20ac")]
    [InlineData("emoji \U0001F600 then <b> and a pair at the end \U0001F4A9")]
    [InlineData("lone high \uD83D then text & more")]
    [InlineData("lone low \uDE00< at start")]
    [InlineData("\uDE00\uD83D reversed pair")]
    [InlineData("&&&<<<>>>'''\"\"\"")]
    public void Text_is_encoded_as_WebUtility_encodes_it(string? text) => Assert.Equal(Expected(text), Encode(text));

    [Fact]
    public void Random_mixes_are_encoded_as_WebUtility_encodes_them()
    {
        var random = new Random(14);
        char[] alphabet = ['a', 'Z', ' ', '<', '>', '&', '"', '\'', '\u009f', '\u00a0', '\u00e9', '\u00ff', '\u0100', '\u2014', '\uD83D', '\uDE00', '\uFFFD', '\n', '\0'];
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 90)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            Assert.Equal(Expected(text), Encode(text));
        }
    }
}
