using System.Globalization;
using Scriban.Runtime;

namespace CspFunctions.Templating;

/// <summary>Renders a page: its template (model as <c>page</c>) into the one layout (<c>layout</c>, and the page as
/// <c>content</c>). Both are *.html.sbn files, so every value they write is encoded (<see cref="HtmlTemplateContext"/>).
/// The two render in one pass, in one context and into one output: the layout evaluates the page's template where it
/// writes <c>content</c> (<see cref="PageBody"/>).</summary>
public static class PageRenderer
{
    public const string Layout = "layout.html.sbn";

    public static string Render(string template, object model, PageLayout layout)
    {
        var context = NewContext(Layout);
        context.PushGlobal(new ScriptObject { ["page"] = model, ["layout"] = layout, ["content"] = new PageBody(TemplateLibrary.Get(template)) });
        return TemplateLibrary.Render(TemplateLibrary.Get(Layout), template, context);
    }

    /// <summary>A template rendered alone (a mail part), with the given globals.</summary>
    public static string RenderOne(string template, ScriptObject globals)
    {
        var context = NewContext(template);
        context.PushGlobal(globals);
        return TemplateLibrary.Render(template, context);
    }

    private static Scriban.TemplateContext NewContext(string template)
    {
        var context = TemplateLibrary.NewContext(template);
        context.LoopLimit = 0;
        context.NewLine = "\n";
        context.AutoIndent = false;
        context.PushCulture(CultureInfo.InvariantCulture);
        return context;
    }
}
