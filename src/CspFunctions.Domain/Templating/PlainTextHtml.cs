using System.Net;
using System.Text;

namespace CspFunctions.Templating;

/// <summary>Turns the plan's plain text (paragraphs separated by blank lines, "- " bullet lines) into escaped HTML.</summary>
public static class PlainTextHtml
{
    public static string Convert(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var html = new StringBuilder();
        foreach (var block in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n');
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
            {
                html.Append("<ul>");
                foreach (var line in lines) html.Append("<li>").Append(WebUtility.HtmlEncode(line[2..].Trim())).Append("</li>");
                html.Append("</ul>");
            }
            else
            {
                html.Append("<p>").Append(string.Join("<br>", lines.Select(l => WebUtility.HtmlEncode(l.Trim())))).Append("</p>");
            }
        }
        return html.ToString();
    }
}
