using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Setup;

// dotnet run --project src/CspFunctions.LocalHost                 serve the app on http://localhost:7071
// dotnet run --project src/CspFunctions.LocalHost -- import FILE   import a plan (JSON, or CSV with --id --name --year --manager-email)
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
            """);
        await app.WaitForShutdownAsync();
        return 0;

    case "import":
        var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file)) { Console.Error.WriteLine("Usage: import FILE [--format json|csv] [--id ID --name NAME --year 2019 --manager-name NAME --manager-email EMAIL]"); return 2; }
        var format = PlanFileFormat.From(option("format") ?? Path.GetExtension(file).TrimStart('.'), null) ?? PlanFormat.Json;
        var fields = new Dictionary<string, string>();
        foreach (var (flag, key) in new[] { ("id", "id"), ("name", "name"), ("year", "year"), ("manager-name", "managerName"), ("manager-email", "managerEmail") })
            if (option(flag) is { } value) fields[key] = value;
        try
        {
            await using var stream = File.OpenRead(file);
            var outcome = await app.Services.GetRequiredService<PlanImporter>().ImportAsync(PlanFileFormat.Read(format, stream, fields));
            Console.WriteLine($"Imported {outcome.PlanId} (revision {outcome.Revision}): {outcome.Actions} actions, {outcome.Leads} leads, {outcome.UpdatesAdded} updates added.");
            return 0;
        }
        catch (PlanImportException ex)
        {
            Console.Error.WriteLine($"Not imported: {ex.Problems.Count} problem(s). Nothing was changed.");
            foreach (var p in ex.Problems) Console.Error.WriteLine("  " + p);
            return 1;
        }

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: serve (default), import FILE.");
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
