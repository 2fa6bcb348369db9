using CspFunctions.Pages;

namespace CspFunctions.LocalHost;

/// <summary>A page (<see cref="PageResult"/>) as a minimal-API result, for the local host's own pages.</summary>
public static class PageResults
{
    public static IResult Page(this IResultExtensions _, PageResult page) => new Adapter(page);

    private sealed class Adapter(PageResult page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => page.WriteAsync(httpContext);
    }
}
