using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>A page's own template, placed where the layout writes <c>content</c>: <see cref="HtmlTemplateContext"/> evaluates
/// it there, in the layout's context and straight into the layout's output, so a page is rendered in one pass with no
/// intermediate copy of its body. Only this assembly can make one, from one of our parsed templates.</summary>
public sealed class PageBody
{
    internal PageBody(ScriptPage page) => Page = page;

    internal ScriptPage Page { get; }
}
