using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.LocalHost.Demo;
using CspFunctions.LocalHost.Replies;
using CspFunctions.Observability;
using CspFunctions.Plans;
using CspFunctions.Setup;

// dotnet run --project src/CspFunctions.LocalHost -- --help                 every command and option
// dotnet run --project src/CspFunctions.LocalHost                          serve the app on http://localhost:7071
// dotnet run --project src/CspFunctions.LocalHost -- --no-timers --urls http://127.0.0.1:7072
// dotnet run --project src/CspFunctions.LocalHost -- import FILE            import a plan (JSON, or CSV with --id --name --year --manager-email)
// dotnet run --project src/CspFunctions.LocalHost -- simulate-quarter [ROUND]   walk a round on a fake clock while some leads answer
StartupTrace.Mark("main");
var root = RepoPaths.FindRoot();

var commandLine = LocalCommandLine.Build(
    serve: async (options, ct) =>
    {
        StartupTrace.Mark("command line parsed");
        // The storage emulator is checked (or started) while the host is built: neither needs the other.
        var storageCheck = Task.Run(() => Azurite.EnsureRunningAsync(root, Path.Combine(root, ".azurite"), Console.WriteLine, ct), ct);
        var key = options.FunctionKey ?? LocalFunctionKeys.NewKey();
        var dropFolder = Path.Combine(root, ".inbox");
        WebApplication built;
        try { built = BuildServe(options, key, dropFolder); }
        catch
        {
            // Stop an Azurite started for this run; the host's failure is the one to report.
            try { await (await storageCheck).DisposeAsync(); } catch (Exception) { }
            throw;
        }
        await using var azurite = await storageCheck;
        StartupTrace.Mark("storage emulator checked");
        await using var app = built;
        // Local conveniences, not the app's start-up (Azure has none of them): skipped with --no-demo, as is the drop folder.
        DemoRoundOutcome? demo = null;
        if (options.LoadDemo)
        {
            await LoadSampleIfEmptyAsync(app.Services);
            demo = await LoadDemoRoundAsync(app.Services);
            StartupTrace.Mark("sample plan and demo round");
        }
        await app.StartAsync(ct);
        StartupTrace.Mark("started");
        var url = app.Urls.First();
        Console.WriteLine($"""

            CspFunctions is running locally (Ctrl+C to stop).
              Open:            {url}/
              Health:          {url}/api/health
              Manager pages:   {url}/api/manage  ({(options.EmulateSignIn ? "sign in on the local sign-in page, e.g. as csp.manager@example.org" : "503: started with --no-sign-in")})
              Sample plan:     {url}/api/plans/luton-2018-19
              Functions list:  {url}/admin/functions?code={key}
              Local outbox:    {url}/outbox  (mail and Teams messages the app "sent")
              Demo round:      {(demo is null ? "not opened (--no-demo)" : $"{demo.PlanId} {demo.RoundId}, open, due {demo.DueDate:ddd d MMM yyyy}: {url}/api/manage/plans/{demo.PlanId}/rounds/{demo.RoundId}")}
              Reply by email:  {(options.LoadDemo ? $"save a reply (.eml) in {dropFolder} and it is posted to /api/inbound/sendgrid as SendGrid would" : "the drop folder is off (--no-demo)")}
              Function key:    {key}  (x-functions-key header or ?code= for Inbound Parse, Event Webhook, plan import and /admin)
            """);
        await app.WaitForShutdownAsync(ct);
        return 0;
    },
    import: async (args, ct) =>
    {
        await using var azurite = await Azurite.EnsureRunningAsync(root, Path.Combine(root, ".azurite"), Console.WriteLine, ct);
        await using var app = LocalFunctionHost.Build(new LocalHostOptions { RepoRoot = root, RunTimers = false, RunQueues = false });
        return await ImportCommand.RunAsync(args, app.Services.GetRequiredService<PlanImporter>(), Console.Out, Console.Error, ct);
    },
    simulateQuarter: async (round, ct) =>
    {
        await using var azurite = await Azurite.EnsureRunningAsync(root, Path.Combine(root, ".azurite"), Console.WriteLine, ct);
        await using var app = LocalFunctionHost.Build(new LocalHostOptions { RepoRoot = root, RunTimers = false, RunQueues = false });
        return (await QuarterSimulation.RunAsync(root, round, Console.Out, ct, app.Configuration[Settings.PublicBaseUrl] ?? "http://localhost:7071")).ExitCode;
    });
return await commandLine.Parse(args).InvokeAsync();

WebApplication BuildServe(LocalCommandLine.ServeOptions options, string key, string dropFolder) => LocalFunctionHost.Build(new LocalHostOptions
{
    RepoRoot = root, Urls = options.Urls, RunTimers = options.RunTimers, RunQueues = options.RunQueues, FunctionKey = key, EmulateSignIn = options.EmulateSignIn,
    ConfigureServices = services =>
    {
        if (options.LoadDemo)
            services.AddHostedService(sp => new ReplyDropFolder(dropFolder, () => LocalReplies.Poster(sp, key), sp.GetRequiredService<ILogger<ReplyDropFolder>>()));
    },
});

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
