using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Scriban;
using Scriban.Runtime;

namespace CspFunctions.Reporting;

/// <summary>The Scriban templates in Reporting/Templates (embedded in this assembly), each parsed once and cached.
/// Every text value goes through html.escape (HTML) or md_cell/md_escape (Markdown, which also escape HTML).</summary>
public static class ReportTemplates
{
    public const string Html = "report.html.sbn";
    public const string Markdown = "report.md.sbn";

    private static readonly ConcurrentDictionary<string, Template> Cache = new();
    // Building Scriban's built-in functions costs more than rendering a small plan; they are never written to, so one set is shared.
    private static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();
    // Wrapping a delegate as a Scriban function uses reflection; done once, not per render.
    private static readonly ScriptObject Functions = CreateFunctions();

    private static ScriptObject CreateFunctions()
    {
        var functions = new ScriptObject();
        functions.Import("md_escape", new Func<string?, string>(MarkdownEscape));
        functions.Import("md_cell", new Func<string?, string>(MarkdownCell));
        functions.Import("text_html", new Func<string?, string>(TextHtml));
        functions.Import("lines_html", new Func<object?, string>(LinesHtml));
        return functions;
    }

    public static Template Get(string name) => Cache.GetOrAdd(name, Parse);

    public static string Render(string name, PlanReport report)
    {
        var globals = new ScriptObject
        {
            ["report"] = report,
            ["chart"] = PerformanceChart.For(report),
        };
        var context = new TemplateContext(Builtins)
        {
            LoopLimit = int.MaxValue,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
            // The templates control their own whitespace; auto-indenting every multi-line value was a third of the render time.
            AutoIndent = false,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(Functions);
        context.PushGlobal(globals);
        return Get(name).Render(context);
    }

    private static Template Parse(string name)
    {
        using var stream = typeof(ReportTemplates).Assembly.GetManifestResourceStream("CspFunctions.Reporting.Templates." + name)
            ?? throw new InvalidOperationException($"Template {name} is not embedded.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), name);
        if (template.HasErrors) throw new InvalidOperationException($"Template {name}: " + string.Join("; ", template.Messages));
        return template;
    }

    /// <summary>A plan text as HTML: escaped, paragraphs as &lt;p&gt; (line breaks as &lt;br&gt;), bullet lines as a &lt;ul&gt;.
    /// One call per cell: the per-line loops this replaces were most of the template's rendering time.</summary>
    public static string TextHtml(string? text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var block in TextBlocks.Parse(text))
        {
            if (block.IsList)
            {
                sb.Append("<ul>");
                foreach (var line in block.Lines) sb.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
                sb.Append("</ul>");
            }
            else
            {
                sb.Append("<p>");
                for (var i = 0; i < block.Lines.Count; i++) sb.Append(i == 0 ? "" : "<br>").Append(WebUtility.HtmlEncode(block.Lines[i]));
                sb.Append("</p>");
            }
        }
        return sb.ToString();
    }

    /// <summary>A list of short texts (e.g. leads), escaped, one per line.</summary>
    public static string LinesHtml(object? lines) => lines is System.Collections.IEnumerable items and not string
        ? string.Join("<br>", items.Cast<object?>().Select(l => WebUtility.HtmlEncode(l?.ToString() ?? "")))
        : WebUtility.HtmlEncode(lines?.ToString() ?? "");

    /// <summary>Markdown text that renders as itself: HTML is escaped so a "&lt;script&gt;" stays text.</summary>
    public static string MarkdownEscape(string? text)
    {
        var encoded = WebUtility.HtmlEncode(text ?? "");
        var sb = new System.Text.StringBuilder(encoded.Length);
        foreach (var c in encoded)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Text for one table cell: escaped, line breaks as &lt;br&gt;.</summary>
    public static string MarkdownCell(string? text) => MarkdownEscape(text).Replace("\r\n", "\n").Replace("\n", "<br>");
}
