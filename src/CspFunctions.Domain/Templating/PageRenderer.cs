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
        // A context costs more to make (some 20 KB of Scriban's stacks and pools) than a small page costs to render: each
        // thread keeps the one its last page rendered with, once that render has left it as it found it.
        var context = _spare ?? NewContext(Layout);
        _spare = null;
        var globals = new ScriptObject { ["page"] = model, ["layout"] = layout, ["content"] = new PageBody(TemplateLibrary.Get(template)) };
        context.PushGlobal(globals);
        var text = TemplateLibrary.Render(TemplateLibrary.Get(Layout), template, context);
        // (The layout is a ScriptPage, whose evaluation leaves the flow state as it found it.)
        if (context.PopGlobal() == globals && context.GlobalCount == 1 && context.OutputCount == 1 && context.CultureCount == 1 && context is HtmlTemplateContext { IsIdle: true })
            _spare = context;
        return text;
    }

    /// <summary>The context this thread's last page rendered with, for the next (none while a page renders, so a page a page
    /// renders gets one of its own).</summary>
    [ThreadStatic] private static Scriban.TemplateContext? _spare;

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
