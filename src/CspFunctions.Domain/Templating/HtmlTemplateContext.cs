using System.Globalization;
using System.Net;
using System.Text;
using CspFunctions.Reporting;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace CspFunctions.Templating;

/// <summary>The context every *.html.sbn template renders with: whatever an expression writes is HTML-encoded, as Razor does,
/// so a template cannot forget to escape a value (and must not pipe through html.escape, which would encode twice).
/// Two kinds of value have an HTML form of their own: text blocks (paragraphs and bullet lists of plain text) and lists of
/// short texts (written one per line). The template's own literal markup is written as it stands, and so is a page body
/// another template rendered (<see cref="TrustedHtml"/>).</summary>
public sealed class HtmlTemplateContext(ScriptObject builtins) : TemplateContext(builtins)
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        // Straight into the output's buffer when nothing needs to see the text go by (indenting and output limits do),
        // else as one string through Scriban.
        var direct = !AutoIndent && OutputLimit is null && Output is StringBuilderOutput output ? output.Builder : null;
        var html = direct ?? new StringBuilder();
        switch (textAsObject)
        {
            case string text:
                html.Append(WebUtility.HtmlEncode(text));
                break;
            case TrustedHtml markup:
                html.Append(markup.Value);
                break;
            case int number:
                html.Append(CultureInfo.InvariantCulture, $"{number}");
                break;
            // The exact list types come first: testing a list against a variant interface it does not implement is slow.
            case List<TextBlock> blocks:
                PlainTextHtml.Append(html, blocks);
                break;
            case List<string> lines:
                AppendLines(html, lines);
                break;
            case IReadOnlyList<TextBlock> blocks:
                PlainTextHtml.Append(html, blocks);
                break;
            case IEnumerable<string> lines:
                AppendLines(html, lines);
                break;
            default:
                html.Append(WebUtility.HtmlEncode(ObjectToString(textAsObject)));
                break;
        }
        if (direct is null) Write(html.ToString());
        return this;
    }

    private static void AppendLines(StringBuilder html, IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (!first) html.Append("<br>");
            first = false;
            html.Append(WebUtility.HtmlEncode(line));
        }
    }
}
