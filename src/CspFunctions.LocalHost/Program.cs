using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Setup;

// dotnet run --project src/CspFunctions.LocalHost                 serve the app on http://localhost:7071
// dotnet run --project src/CspFunctions.LocalHost -- import FILE   import a plan (JSON, or CSV with --id --name --year --manager-email)
// dotnet run --project src/CspFunctions.LocalHost -- --no-timers   serve without running the timer functions
// dotnet run --project src/CspFunctions.LocalHost -- simulate-quarter [2018-19-Q3]   walk a quarter's reminders on a fake clock
var root = RepoPaths.FindRoot();
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "serve";
var option = (string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();

await using var azurite = await Azurite.EnsureRunningAsync(root, Path.Combine(root, ".azurite"), Console.WriteLine);
var app = LocalFunctionHost.Build(new LocalHostOptions { RepoRoot = root, Urls = option("urls") ?? "http://localhost:7071", RunTimers = !args.Contains("--no-timers") });

switch (command)
{
    case "serve":
        await LoadSampleIfEmptyAsync(app.Services);
        await app.StartAsync();
        Console.WriteLine($"""

            CspFunctions is running locally (Ctrl+C to stop).
              Open:            {app.Urls.First()}/
              Health:          {app.Urls.First()}/api/health
              Sample plan:     {app.Urls.First()}/api/plans/luton-2018-19
              Functions list:  {app.Urls.First()}/admin/functions
              Local outbox:    {app.Urls.First()}/outbox  (mail and Teams messages the app "sent")
            """);
        await app.WaitForShutdownAsync();
        return 0;

    case "import":
        return await ImportCommand.RunAsync(args, app.Services.GetRequiredService<PlanImporter>(), Console.Out, Console.Error);

    case "simulate-quarter":
        return await QuarterSimulation.RunAsync(root, args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "2018-19-Q3", Console.Out);

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: serve (default), import FILE, simulate-quarter [2018-19-Q3].");
        return 2;
}

static async Task LoadSampleIfEmptyAsync(IServiceProvider services)
{
    var plans = services.GetRequiredService<IPlanStore>();
    if ((await plans.ListPlanIdsAsync()).Count > 0) return;
    var root = RepoPaths.FindRoot();
    await using var stream = File.OpenRead(RepoPaths.SamplePlan(root));
    var outcome = await services.GetRequiredService<PlanImporter>().ImportAsync(PlanReader.ReadJson(stream));
    Console.WriteLine($"Storage was empty: loaded the sample plan '{outcome.PlanId}' ({outcome.Actions} actions, {outcome.UpdatesAdded} Q4 updates).");
}
