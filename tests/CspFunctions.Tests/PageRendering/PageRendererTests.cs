using CspFunctions.Bench;
using CspFunctions.Templating;

namespace CspFunctions.Tests.PageRendering;

/// <summary>PageRenderer keeps each thread's last context for its next page: a page rendered with a kept context must be
/// exactly the page a fresh context (another thread's first render) writes, whatever rendered before it.</summary>
public sealed class PageRendererTests
{
    [Fact]
    public void A_page_rendered_after_other_pages_is_the_page_a_fresh_context_renders()
    {
        var bench = new PageRenderBenchmarks();
        bench.Setup();
        var pages = new Func<string>[]
        {
            () => PageRenderer.Render(MessagePage.Template, MessagePage.Error("Not <saved>", "The plan \"x\" & its rounds.") with { Back = new Crumb("Back", "/a?b=<1>") },
                new PageLayout("Not saved") { HasErrors = true, Crumbs = [new Crumb("Home", "/")] }),
            bench.TemplateForm,
            bench.TemplateRound,
        };
        foreach (var page in pages)
        {
            string? fresh = null;
            var thread = new Thread(() => fresh = page());
            thread.Start();
            thread.Join();
            Assert.True(fresh is { Length: > 1_000 });
            // Here, after the other pages (and this one) rendered on this thread.
            foreach (var other in pages) other();
            Assert.Equal(fresh, page());
            Assert.Equal(fresh, page());
        }
    }
}
