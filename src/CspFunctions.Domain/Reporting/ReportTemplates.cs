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

    public static Template Get(string name) => Cache.GetOrAdd(name, Parse);

    public static string Render(string name, PlanReport report)
    {
        var globals = new ScriptObject();
        globals["report"] = report;
        globals["chart"] = PerformanceChart.For(report);
        globals.Import("md_escape", new Func<string?, string>(MarkdownEscape));
        globals.Import("md_cell", new Func<string?, string>(MarkdownCell));
        var context = new TemplateContext(Builtins)
        {
            LoopLimit = int.MaxValue,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
        };
        context.PushCulture(CultureInfo.InvariantCulture);
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
