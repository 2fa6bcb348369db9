using CspFunctions.EmptyApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Under the Functions host: the usual isolated-worker start. With --urls URL (the start-up benchmark; Core Tools cannot
// run here): served the way the local host serves the real app, a Kestrel route per HTTP function that calls the
// function and executes its action result, and nothing else.
if (args is ["--urls", var urls])
{
    var web = WebApplication.CreateSlimBuilder();
    web.WebHost.UseUrls(urls);
    web.Services.AddMvcCore();
    var app = web.Build();
    app.MapGet("/api/health", async context =>
    {
        var result = new HealthCheck().Run(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    });
    await app.RunAsync();
    return;
}
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Build().Run();
