using System.Net;
using System.Text;
using CspFunctions.Reporting;

namespace CspFunctions.Templating;

/// <summary>Turns the plan's plain text (paragraphs separated by blank lines, bullet lines) into escaped HTML:
/// paragraphs as &lt;p&gt; with line breaks as &lt;br&gt;, bullets as a &lt;ul&gt;. Used by the reminder emails and
/// (as the template function text_html) by the report.</summary>
public static class PlainTextHtml
{
    public static string Convert(string? text)
    {
        var html = new StringBuilder();
        foreach (var block in TextBlocks.Parse(text))
        {
            if (block.IsList)
            {
                html.Append("<ul>");
                foreach (var line in block.Lines) html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
                html.Append("</ul>");
            }
            else
            {
                html.Append("<p>");
                for (var i = 0; i < block.Lines.Count; i++) html.Append(i == 0 ? "" : "<br>").Append(WebUtility.HtmlEncode(block.Lines[i]));
                html.Append("</p>");
            }
        }
        return html.ToString();
    }
}
