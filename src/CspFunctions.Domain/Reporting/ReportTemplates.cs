using System.Globalization;
using System.Net;
using Scriban.Runtime;
using CspFunctions.Templating;

namespace CspFunctions.Reporting;

/// <summary>The Scriban templates in Reporting/Templates (embedded in this assembly), each parsed once and cached.
/// The HTML template escapes every value it writes (<see cref="HtmlTemplateContext"/>); the Markdown template puts every
/// text through md_cell or md_escape, which also escape HTML.</summary>
public static class ReportTemplates
{
    public const string Html = "report.html.sbn";
    public const string Markdown = "report.md.sbn";

    // Wrapping a delegate as a Scriban function uses reflection; done once, not per render.
    private static readonly ScriptObject Functions = CreateFunctions();

    private static ScriptObject CreateFunctions()
    {
        var functions = new ScriptObject();
        functions.Import("md_escape", new Func<string?, string>(MarkdownEscape));
        functions.Import("md_cell", new Func<string?, string[]>(MarkdownCell));
        return functions;
    }

    public static string Render(string name, PlanReport report)
    {
        var globals = new ScriptObject
        {
            ["report"] = report,
            ["chart"] = PerformanceChart.For(report),
        };
        var context = TemplateLibrary.NewContext(name);
        context.LoopLimit = int.MaxValue;
        context.EnableRelaxedMemberAccess = false;
        context.NewLine = "\n";
        // The templates control their own whitespace; auto-indenting every multi-line value was a third of the render time.
        context.AutoIndent = false;
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(Functions);
        context.PushGlobal(globals);
        return TemplateLibrary.Render(name, context);
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

    /// <summary>Text for one table cell, escaped, as its lines: the template joins them with a line break a table cell can hold.</summary>
    public static string[] MarkdownCell(string? text) => MarkdownEscape(text).Replace("\r\n", "\n").Split('\n');
}
