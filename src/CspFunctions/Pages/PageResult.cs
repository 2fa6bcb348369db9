using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CspFunctions.Pages;

/// <summary>An HTML page: the page template with its view model, in the one layout, rendered when the response is written
/// (so it carries the request's CSP nonce).</summary>
public sealed class PageResult(string template, object model, PageLayout layout, int status = StatusCodes.Status200OK) : IActionResult
{
    public int Status => status;

    public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext);

    public async Task WriteAsync(HttpContext context)
    {
        var html = PageRenderer.Render(template, model, layout with { Nonce = PageSecurity.NonceFor(context) });
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    public static PageResult Message(MessagePage page, int status, PageLayout? layout = null) =>
        new(MessagePage.Template, page, layout ?? new PageLayout(page.Title), status);
}
