using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CspFunctions.Pages;

/// <summary>Worker middleware that puts <see cref="PageSecurity"/> in front of every page route.</summary>
public sealed class PageSecurityMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is not null && PageSecurity.IsPageRoute(http.Request.Path) && !await PageSecurity.GuardAsync(http)) return;
        await next(context);
    }
}
