using System.Reflection;
using CspFunctions.Access;
using CspFunctions.Health;
using CspFunctions.LocalHost.SignIn;
using CspFunctions.Observability;
using CspFunctions.Pages;
using CspFunctions.Templating;
using OpenTelemetry.Trace;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.LocalHost;

/// <summary>An ASP.NET Core app that serves the Functions app's functions, as listed in functions.metadata.</summary>
public static class LocalFunctionHost
{
    public static Assembly FunctionsAssembly => typeof(HealthFunction).Assembly;

    public static WebApplication Build(LocalHostOptions options)
    {
        var root = options.RepoRoot ?? RepoPaths.FindRoot();
        // Development, as Core Tools runs a Functions app, unless AZURE_FUNCTIONS_ENVIRONMENT says otherwise: the start-up
        // benchmark sets Production, as the platform does in Azure (no DI validation at build, no developer exception page).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = LocalSettings.EnvironmentName });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddInMemoryCollection(LocalSettings.Defaults)
            .AddInMemoryCollection(LocalSettings.ReadValues(Path.Combine(root, "local.settings.json")))
            .AddEnvironmentVariables()
            .AddInMemoryCollection(options.Overrides)
            // What the platform sets when App Service Authentication is on; never taken from the environment here.
            .AddInMemoryCollection([new(AccessSettings.AuthEnabledSetting, options.EmulateSignIn ? "True" : "False")]);
        builder.WebHost.UseUrls(options.Urls);
        StartupTrace.Mark("configuration read");
        builder.Logging.SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Azure", LogLevel.Warning);

        var functions = FunctionCatalog.Load(options.MetadataPath);
        var invoker = new FunctionInvoker(FunctionsAssembly);
        var keys = new LocalFunctionKeys(options.FunctionKey ?? LocalFunctionKeys.NewKey());
        StartupTrace.Mark("functions.metadata read");
        builder.Services.AddCspFunctions(builder.Configuration);
        StartupTrace.Mark("app services registered");
        // Request spans as the Functions host records them in Azure, redacted by the app's processor before any exporter
        // (a test adds one through ConfigureServices, after this).
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddProcessor(new RedactingActivityProcessor()));
        // MVC only to execute the functions' action results: no controllers, so an empty part list instead of the reflection
        // scan AddMvcCore otherwise makes of the entry assembly and everything it references.
        builder.Services.AddSingleton(new Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartManager());
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(invoker);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(new FunctionList(functions));
        options.ConfigureServices?.Invoke(builder.Services);
        foreach (var f in functions)
        {
            if (f.Trigger == TriggerKind.Timer && options.RunTimers)
                builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerRunner>(sp, f));
            if (f.Trigger == TriggerKind.Queue && options.RunQueues)
                builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueRunner>(sp, f));
        }

        var app = builder.Build();
        StartupTrace.Mark("host built");
        // The same page checks the worker's PageSecurityMiddleware applies, for the app's pages and the local host's own;
        // first, so a sign-in redirect or an access refusal carries the page headers too.
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if ((PageSecurity.IsPageRoute(path) || path == "/" || path == "/admin/functions" || path.StartsWithSegments(AccessGate.SignInPath)
                 || (path.StartsWithSegments("/outbox") && !path.Value!.EndsWith("/html", StringComparison.Ordinal)))
                && !await PageSecurity.GuardAsync(context)) return;
            await next(context);
        });
        if (options.EmulateSignIn) LocalAppServiceAuth.Use(app);
        foreach (var f in functions.Where(f => f.Trigger == TriggerKind.Http))
            app.MapMethods("/api/" + f.Route!.TrimStart('/'), f.Methods, context => ServeAsync(context, f, invoker, keys)).WithDisplayName(f.Name);

        // Core Tools' admin API shape; like the host's admin API in Azure it needs a key (the local key stands for the master key).
        // A browser (Accept: text/html) gets the list as a page.
        app.MapGet("/admin/functions", LocalEndpoint.Of(context =>
        {
            var browser = context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
            if (!keys.Accepts(context.Request))
                return browser
                    ? Results.Extensions.Page(PageResult.Message(MessagePage.Error("Function key needed",
                        "The function list, like the Functions host's admin API in Azure, needs the function key.",
                        "Add ?code= and the key the local host printed when it started (\"Function key\") to this page's address."), StatusCodes.Status401Unauthorized, OutboxPages.Layout("Function key needed")))
                    : Results.Unauthorized();
            return browser
                ? Results.Extensions.Page(new PageResult("local-host.html.sbn", StartPage.Functions(functions), OutboxPages.Layout("Functions")))
                : Results.Json(functions.Select(f => new
                {
                    f.Name, trigger = f.Trigger.ToString().ToLowerInvariant(), f.Route, f.Methods, f.AuthLevel, f.Schedule, queue = f.QueueName,
                }));
        }));
        app.MapPost("/admin/functions/{name}", LocalEndpoint.Of(async context =>
        {
            var name = context.Route("name");
            if (!keys.Accepts(context.Request)) return Results.Unauthorized();
            var f = functions.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (f is null) return Results.NotFound(new { error = $"No function named '{name}'." });
            if (f.Trigger == TriggerKind.Http) return Results.BadRequest(new { error = $"{f.Name} is an HTTP function: call /api/{f.Route}." });
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            object? input = f.Trigger == TriggerKind.Timer ? new TimerInfo { IsPastDue = false } : ReadInput(body);
            await invoker.InvokeTriggerAsync(context.RequestServices, f, input, context.RequestAborted);
            return Results.Accepted();
        }));
        SimulationRuns.Map(app, functions, invoker, root);
        app.MapGet("/", LocalEndpoint.Of(async context => Results.Extensions.Page(new PageResult("start.html.sbn",
            await StartPage.ReadAsync(context.RequestServices.GetRequiredService<CspFunctions.Plans.IPlanStore>(), Path.Combine(root, ".inbox"), options.EmulateSignIn, context.RequestAborted),
            OutboxPages.Layout("Try it on this machine")))));
        OutboxPages.Map(app, Path.GetFullPath(app.Configuration[Settings.OutboxPath] is { Length: > 0 } outbox ? outbox : ".outbox", root), root);
        StartupTrace.Mark("routes mapped");
        return app;
    }

    /// <summary>What Azure does before a function runs: the host's key check for authLevel Function, then the worker's access
    /// middleware (the same <see cref="AccessGate"/> and rules).</summary>
    private static async Task ServeAsync(HttpContext context, FunctionDefinition function, FunctionInvoker invoker, LocalFunctionKeys keys)
    {
        StartupTrace.MarkOnce("first request: routed");
        if (await RefuseAsync(context, function, invoker, keys, context.RequestServices.GetRequiredService<AccessGate>())) return;
        StartupTrace.MarkOnce("first request: key and access checked");
        await invoker.InvokeHttpAsync(context, function);
        StartupTrace.MarkOnce("first request: answered");
        StartupTrace.ListAssembliesOnce();
    }

    /// <summary>True when the request was answered instead of reaching the function: the host's key check for authLevel
    /// Function, then the worker's access middleware (the same gate and rules as in Azure), with <paramref name="gate"/> on
    /// the services the function would run with.</summary>
    public static async Task<bool> RefuseAsync(HttpContext context, FunctionDefinition function, FunctionInvoker invoker, LocalFunctionKeys keys, AccessGate gate)
    {
        if (LocalFunctionKeys.NeedsKey(function) && !keys.Accepts(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return true;
        }
        var refused = await gate.CheckAsync(context, AccessGate.DeclaredOn(function.ResolveMethod(invoker.Assembly)), name => context.GetRouteValue(name)?.ToString());
        if (refused is null) return false;
        await refused.ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(context, context.GetRouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        return true;
    }

    private static string? ReadInput(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("input", out var input) ? input.ToString() : body;
        }
        catch (System.Text.Json.JsonException) { return body; }
    }
}
