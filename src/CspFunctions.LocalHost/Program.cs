using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.LocalHost.Demo;
using CspFunctions.LocalHost.Replies;
using CspFunctions.Plans;
using CspFunctions.Setup;

// dotnet run --project src/CspFunctions.LocalHost                 serve the app on http://localhost:7071
// dotnet run --project src/CspFunctions.LocalHost -- import FILE   import a plan (JSON, or CSV with --id --name --year --manager-email)
// dotnet run --project src/CspFunctions.LocalHost -- --no-timers   serve without running the timer functions
// dotnet run --project src/CspFunctions.LocalHost -- simulate-quarter [ROUND]   walk a round on a fake clock while some leads answer
var root = RepoPaths.FindRoot();
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "serve";
var option = (string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();

await using var azurite = await Azurite.EnsureRunningAsync(root, Path.Combine(root, ".azurite"), Console.WriteLine);
var dropFolder = Path.Combine(root, ".inbox");
var app = LocalFunctionHost.Build(new LocalHostOptions
{
    RepoRoot = root, Urls = option("urls") ?? "http://localhost:7071", RunTimers = !args.Contains("--no-timers"),
    ConfigureServices = command == "serve" ? services => services.AddHostedService(sp => new ReplyDropFolder(dropFolder, () => LocalReplies.Poster(sp),
        sp.GetRequiredService<ILogger<ReplyDropFolder>>())) : null,
});

switch (command)
{
    case "serve":
        await LoadSampleIfEmptyAsync(app.Services);
        var demo = await LoadDemoRoundAsync(app.Services);
        await app.StartAsync();
        Console.WriteLine($"""

            CspFunctions is running locally (Ctrl+C to stop).
              Open:            {app.Urls.First()}/
              Health:          {app.Urls.First()}/api/health
              Sample plan:     {app.Urls.First()}/api/plans/luton-2018-19
              Functions list:  {app.Urls.First()}/admin/functions
              Local outbox:    {app.Urls.First()}/outbox  (mail and Teams messages the app "sent")
              Demo round:      {demo.PlanId} {demo.RoundId}, open, due {demo.DueDate:ddd d MMM yyyy}: {app.Urls.First()}/api/manage/plans/{demo.PlanId}/rounds/{demo.RoundId}
              Reply by email:  save a reply (.eml) in {dropFolder} and it is posted to /api/inbound/sendgrid as SendGrid would
            """);
        await app.WaitForShutdownAsync();
        return 0;

    case "import":
        return await ImportCommand.RunAsync(args, app.Services.GetRequiredService<PlanImporter>(), Console.Out, Console.Error);

    case "simulate-quarter":
        return (await QuarterSimulation.RunAsync(root, args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)), Console.Out,
            publicBaseUrl: app.Configuration[Settings.PublicBaseUrl] ?? "http://localhost:7071")).ExitCode;

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: serve (default), import FILE, simulate-quarter [ROUND].");
        return 2;
}

static async Task<DemoRoundOutcome> LoadDemoRoundAsync(IServiceProvider services)
{
    await using var stream = File.OpenRead(RepoPaths.SamplePlan(RepoPaths.FindRoot()));
    var outcome = await ActivatorUtilities.CreateInstance<DemoRound>(services).EnsureAsync(PlanReader.ReadJson(stream));
    Console.WriteLine(outcome.Created
        ? $"Created the demo round: plan '{outcome.PlanId}' (a copy of the sample for this year) with round {outcome.RoundId} open, due {outcome.DueDate:ddd d MMM yyyy}; "
          + $"{outcome.PreviousUpdates} updates from the sample's Q4 are the previous quarter's progress, and the opening request went to {outcome.LeadsAsked} leads (see the outbox)."
        : $"Demo round: plan '{outcome.PlanId}' round {outcome.RoundId} is already there (delete the plan's data in .azurite/ to start afresh).");
    return outcome;
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
