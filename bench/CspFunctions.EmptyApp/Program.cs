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

// Under the Functions host: the usual isolated-worker start. With --urls (the benchmark, where Core Tools cannot run):
// served the way the local host serves the real app (Kestrel, a route from the function's trigger, MVC's action result).
if (args.Length == 2 && args[0] == "--urls")
{
    var web = WebApplication.CreateSlimBuilder();
    web.WebHost.UseUrls(args[1]);
    web.Services.AddMvcCore();
    var app = web.Build();
    app.MapGet("/api/health", async context =>
    {
        var result = new EmptyFunction().Run(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    });
    await app.RunAsync();
    return;
}
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Build().Run();
