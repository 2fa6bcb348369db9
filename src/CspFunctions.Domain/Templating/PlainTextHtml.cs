using System.Text;
using CspFunctions.Reporting;

namespace CspFunctions.Templating;

/// <summary>Turns the plan's plain text (paragraphs separated by blank lines, bullet lines) into escaped HTML:
/// paragraphs as &lt;p&gt; with line breaks as &lt;br&gt;, bullets as a &lt;ul&gt;. The HTML templates write text blocks
/// this way (see <see cref="HtmlTemplateContext"/>).</summary>
public static class PlainTextHtml
{
    public static void Append(StringBuilder html, IReadOnlyList<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.IsList)
            {
                html.Append("<ul>");
                foreach (var line in block.Lines)
                {
                    html.Append("<li>");
                    HtmlEncoding.Append(html, line);
                    html.Append("</li>");
                }
                html.Append("</ul>");
            }
            else
            {
                html.Append("<p>");
                for (var i = 0; i < block.Lines.Count; i++)
                {
                    if (i > 0) html.Append("<br>");
                    HtmlEncoding.Append(html, block.Lines[i]);
                }
                html.Append("</p>");
            }
        }
    }
}
