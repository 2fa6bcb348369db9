using CspFunctions.EmptyApp;
using CspFunctions.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Under the Functions host: the usual isolated-worker start. With --urls URL [--probe-storage] (the start-up benchmark; Core
// Tools cannot run here): served the way the local host serves the real app, a Kestrel route per HTTP function that calls
// the function and executes its action result, and nothing else. --probe-storage makes the function read the three storage
// services' properties first, as the app's health probe does (AzureWebJobsStorage, Azurite by default).
StartupTrace.Mark("main");
if (args is ["--urls", var urls, ..] && args.Skip(2).All(a => a == "--probe-storage"))
{
    if (args.Contains("--probe-storage"))
        HealthCheck.Probe = new StorageProbe(Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } connection ? connection : "UseDevelopmentStorage=true");
    var web = WebApplication.CreateSlimBuilder();
    web.WebHost.UseUrls(urls);
    web.Services.AddMvcCore();
    var app = web.Build();
    StartupTrace.Mark("host built");
    app.MapGet("/api/health", async context =>
    {
        StartupTrace.MarkOnce("first request: routed");
        var result = await new HealthCheck().Run(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        StartupTrace.MarkOnce("first request: answered");
        StartupTrace.ListAssembliesOnce();
    });
    await app.StartAsync();
    StartupTrace.Mark("started");
    await app.WaitForShutdownAsync();
    return;
}
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Build().Run();
