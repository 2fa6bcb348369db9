using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CspFunctions.Setup;

namespace CspFunctions.LocalHost;

/// <summary>
/// Serves a simulation run's own tables: /sim/{run}/api/... runs the same functions with the run's table prefix and outbox
/// folder, so the links in a run's mail open working forms. A run exists when its outbox folder does
/// (<see cref="QuarterSimulation.OutboxFolder"/>); anything else is answered 404 with what was wrong.
/// </summary>
public sealed partial class SimulationRuns(IConfiguration config, string repoRoot) : IAsyncDisposable
{
    public const string PathPrefix = "sim";
    private readonly ConcurrentDictionary<string, Lazy<ServiceProvider>> _runs = new(StringComparer.Ordinal);

    [GeneratedRegex("^sim[0-9a-f]{8}$")]
    public static partial Regex RunId();

    /// <summary>The settings a run's functions see, over the local host's own.</summary>
    public static Dictionary<string, string?> Settings(string run, string outboxPath, string publicBaseUrl) => new()
    {
        [CspFunctions.Setup.Settings.TablePrefix] = run,
        [CspFunctions.Setup.Settings.OutboxPath] = outboxPath,
        [CspFunctions.Setup.Settings.RemindersQueue] = run + "reminders",
        [CspFunctions.Setup.Settings.BoardNoticesQueue] = run + "boardnotices",
        [CspFunctions.Setup.Settings.PublicBaseUrl] = $"{publicBaseUrl.TrimEnd('/')}/{PathPrefix}/{run}",
        ["Csp:SendGrid:ApiKey"] = "",
        ["Csp:Graph:ClientSecret"] = "",
        ["Csp:Board:WorkflowWebhookUrl"] = "",
    };

    /// <summary>The key a run's own host wants on its authLevel Function routes (none while the local host checks no keys).</summary>
    public static string? FunctionKey(IServiceProvider services) => services.GetService<LocalFunctionKeys>()?.Key;

    /// <summary>Null, with the reason, when <paramref name="run"/> is not a run on this machine.</summary>
    public IServiceProvider? ServicesFor(string run, out string? problem)
    {
        problem = null;
        if (!RunId().IsMatch(run))
        {
            problem = $"'{run}' is not a simulation run id (they look like sim1a2b3c4d).";
            return null;
        }
        var folder = QuarterSimulation.OutboxFolder(repoRoot, run);
        if (!Directory.Exists(folder))
        {
            problem = $"There is no simulation run '{run}' on this machine (no {folder}). Run simulate-quarter to make one.";
            return null;
        }
        return _runs.GetOrAdd(run, r => new Lazy<ServiceProvider>(() =>
        {
            var local = config[CspFunctions.Setup.Settings.PublicBaseUrl] ?? "http://localhost:7071";
            var runConfig = new ConfigurationBuilder().AddConfiguration(config).AddInMemoryCollection(Settings(r, folder, local)).Build();
            return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(runConfig).AddCspFunctions(runConfig).BuildServiceProvider();
        })).Value;
    }

    /// <summary>
    /// Serves /sim/{run}/api/{route} for every HTTP function through one endpoint, so the app's route table is not doubled
    /// at every start (bench/results/startup.md): the runs' own table of the functions' routes is made on the first request
    /// under /sim. It matches as endpoint routing would: literal segments before parameters, a path that no route fits is a
    /// plain 404, a route that fits with another method is 405, and only then is the run itself checked.
    /// </summary>
    public static void Map(WebApplication app, IReadOnlyList<FunctionDefinition> functions, FunctionInvoker invoker, string repoRoot)
    {
        var runs = new SimulationRuns(app.Configuration, repoRoot);
        var keys = app.Services.GetRequiredService<LocalFunctionKeys>();
        var table = new Lazy<IReadOnlyList<SimulationRoute>>(() => SimulationRoute.Table(functions));
        app.Lifetime.ApplicationStopped.Register(() => runs.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)));
        app.Map($"/{PathPrefix}/{{simulationRun}}/api/{{**simulationPath}}", async context =>
        {
            var path = "/" + (context.GetRouteValue("simulationPath")?.ToString() ?? "");
            var values = new RouteValueDictionary();
            var (f, pathFits) = SimulationRoute.Find(table.Value, path, context.Request.Method, values);
            if (f is null)
            {
                context.Response.StatusCode = pathFits ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
                return;
            }
            foreach (var (name, value) in values) context.Request.RouteValues[name] = value;
            var run = context.GetRouteValue("simulationRun")?.ToString() ?? "";
            if (runs.ServicesFor(run, out var problem) is not { } services)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsJsonAsync(new { error = problem });
                return;
            }
            await using var scope = services.CreateAsyncScope();
            // A run's routes are refused exactly as the app's are, with the run's own plans deciding who may see them.
            if (await LocalFunctionHost.RefuseAsync(context, f, invoker, keys, scope.ServiceProvider.GetRequiredService<CspFunctions.Access.AccessGate>())) return;
            await invoker.InvokeHttpAsync(context, f, scope.ServiceProvider);
        }).WithDisplayName(PathPrefix + "/{run}/api");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs.Values.Where(r => r.IsValueCreated)) await run.Value.DisposeAsync();
        _runs.Clear();
    }
}
