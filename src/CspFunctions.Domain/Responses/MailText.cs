using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace CspFunctions.Responses;

/// <summary>The readable body of an email: the text/plain part, or the HTML part turned into clean text, decoded with the
/// right charset (a part labelled iso-8859-1 or with no label is read as windows-1252, as mail clients do, so £, € and
/// curly quotes survive Outlook).</summary>
public static class MailText
{
    static MailText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string BodyOf(MimeMessage message)
    {
        var plain = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => !p.IsAttachment && p.IsPlain);
        if (plain is not null) return Decode(plain);
        var html = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => !p.IsAttachment && p.IsHtml);
        return html is null ? "" : HtmlToText(Decode(html));
    }

    public static string Decode(TextPart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        var bytes = content.ToArray();
        return EncodingFor(part.ContentType.Charset, bytes).GetString(bytes).TrimStart('\uFEFF');
    }

    /// <summary>The encoding to read bytes labelled with <paramref name="charset"/>, as mail clients do.</summary>
    public static Encoding EncodingFor(string? charset, byte[] bytes)
    {
        charset = charset?.Trim().Trim('"').ToLowerInvariant();
        return charset switch
        {
            null or "" or "us-ascii" or "ascii" => IsUtf8(bytes) ? Encoding.UTF8 : Encoding.GetEncoding(1252),
            "iso-8859-1" or "latin1" or "iso8859-1" => Encoding.GetEncoding(1252),
            _ => TryGet(charset) ?? (IsUtf8(bytes) ? Encoding.UTF8 : Encoding.GetEncoding(1252)),
        };
    }

    private static Encoding? TryGet(string charset)
    {
        try { return Encoding.GetEncoding(charset); }
        catch (ArgumentException) { return null; }
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try { _ = new UTF8Encoding(false, true).GetString(bytes); return true; }
        catch (DecoderFallbackException) { return false; }
    }

    /// <summary>Text of an HTML body: block elements become line breaks, script/style/head are dropped, and quoted history
    /// (blockquote, Gmail's gmail_quote, Outlook's divRplyFwdMsg/appendonsend) or a client's signature block (Outlook's
    /// Signature and _MailAutoSig, Gmail's gmail_signature, Thunderbird's moz-signature) ends the text.</summary>
    public static string HtmlToText(string html)
    {
        var text = new StringBuilder();
        var skipDepth = 0;
        var lineStarts = new Stack<(string Name, int Start)>();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag:
                    var name = tag.Name.ToLowerInvariant();
                    if (name is "script" or "style" or "head" or "title")
                    {
                        if (!tag.IsEmptyElement) skipDepth += tag.IsEndTag ? -1 : 1;
                        skipDepth = Math.Max(0, skipDepth);
                        continue;
                    }
                    if (!tag.IsEndTag && IsQuotedHistory(tag)) return Tidy(text.ToString());
                    if (name is "br") text.Append('\n');
                    else if (name is "div" or "tr" or "table" || (name is "p" && (tag.IsEndTag ? lineStarts.TryPeek(out var open) && open.Name == "p" : IsWordLine(tag))))
                    {
                        // A line: Gmail, Outlook web and Word's MsoNormal paragraphs put each line in one; an empty one is a blank line.
                        LineStart(text);
                        if (!tag.IsEndTag && !tag.IsEmptyElement) lineStarts.Push((name, text.Length));
                        else if (tag.IsEndTag && lineStarts.TryPop(out var started) && started.Start == text.Length && text.Length > 0) text.Append('\n');
                    }
                    else if (name is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "hr" or "blockquote") BlankLine(text);
                    else if (name is "li" && !tag.IsEndTag) { LineStart(text); text.Append("- "); }
                    else if (name is "li") LineStart(text);
                    else if (name is "td" or "th" && tag.IsEndTag) text.Append(' ');
                    break;
                case HtmlDataToken data when skipDepth == 0 && token.Kind == HtmlTokenKind.Data:
                    var chunk = CollapseSpaces(WebUtility.HtmlDecode(data.Data));
                    if (chunk.Trim().Length == 0 && (text.Length == 0 || text[^1] == '\n')) break;
                    text.Append(chunk);
                    break;
            }
        }
        return Tidy(text.ToString());
    }

    private static bool IsWordLine(HtmlTagToken tag) =>
        tag.Attributes.Any(a => a.Name.Equals("class", StringComparison.OrdinalIgnoreCase) && (a.Value ?? "").StartsWith("Mso", StringComparison.OrdinalIgnoreCase));

    private static void TrimSpaces(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ') text.Length--;
    }

    private static void LineStart(StringBuilder text)
    {
        TrimSpaces(text);
        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
    }

    private static void BlankLine(StringBuilder text)
    {
        LineStart(text);
        if (text.Length > 0 && !(text.Length >= 2 && text[^2] == '\n')) text.Append('\n');
    }

    private static bool IsQuotedHistory(HtmlTagToken tag)
    {
        if (tag.Name.Equals("blockquote", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var attribute in tag.Attributes)
        {
            var value = attribute.Value ?? "";
            if (attribute.Name.Equals("class", StringComparison.OrdinalIgnoreCase) && (value.Contains("gmail_quote") || value.Contains("moz-cite-prefix") || value.Contains("yahoo_quoted")
                || value.Contains("gmail_signature") || value.Contains("moz-signature") || value.Split(' ').Contains("signature", StringComparer.OrdinalIgnoreCase))) return true;
            if (attribute.Name.Equals("id", StringComparison.OrdinalIgnoreCase) && (value.Contains("divRplyFwdMsg") || value.EndsWith("appendonsend") || value.EndsWith("OLK_SRC_BODY_SECTION")
                || value.Equals("Signature", StringComparison.OrdinalIgnoreCase) || value.EndsWith("_Signature", StringComparison.OrdinalIgnoreCase) || value.Contains("ms-outlook-mobile-signature") || value.Contains("AppleMailSignature"))) return true;
            if (attribute.Name.Equals("name", StringComparison.OrdinalIgnoreCase) && value == "_MailAutoSig") return true;
        }
        return false;
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0') { if (!space) sb.Append(' '); space = true; }
            else { sb.Append(c == '\u00A0' ? ' ' : c); space = false; }
        }
        return sb.ToString();
    }

    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0) { blank++; continue; }
            if (result.Length > 0) result.Append(blank > 0 ? "\n\n" : "\n");
            result.Append(line);
            blank = 0;
        }
        return result.ToString();
    }
}
