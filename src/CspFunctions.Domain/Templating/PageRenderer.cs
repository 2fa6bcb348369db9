using System.Globalization;
using Scriban.Runtime;

namespace CspFunctions.Templating;

/// <summary>Renders a page: its template (model as <c>page</c>) into the one layout (<c>layout</c>, and the page as
/// <c>content</c>). Both are *.html.sbn files, so every value they write is encoded (<see cref="HtmlTemplateContext"/>).</summary>
public static class PageRenderer
{
    public const string Layout = "layout.html.sbn";

    public static string Render(string template, object model, PageLayout layout)
    {
        var content = new TrustedHtml(RenderOne(template, new ScriptObject { ["page"] = model, ["layout"] = layout }));
        return RenderOne(Layout, new ScriptObject { ["layout"] = layout, ["content"] = content });
    }

    /// <summary>A template rendered alone (a mail part), with the given globals.</summary>
    public static string RenderOne(string template, ScriptObject globals)
    {
        var context = TemplateLibrary.NewContext(template);
        context.LoopLimit = 0;
        context.NewLine = "\n";
        context.AutoIndent = false;
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        return TemplateLibrary.Render(template, context);
    }
}
