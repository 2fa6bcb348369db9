using System.CommandLine;

namespace CspFunctions.LocalHost;

/// <summary>The local host's command line: serve (the default), import FILE and simulate-quarter [ROUND], each with --help.
/// Options take their values (`--urls http://127.0.0.1:7072`), so a value is never mistaken for a command.</summary>
public static class LocalCommandLine
{
    public sealed record ServeOptions(string Urls, bool RunTimers, string? FunctionKey, bool EmulateSignIn, bool RunQueues = true, bool LoadDemo = true);

    public static RootCommand Build(
        Func<ServeOptions, CancellationToken, Task<int>> serve,
        Func<IReadOnlyList<string>, CancellationToken, Task<int>> import,
        Func<string?, CancellationToken, Task<int>> simulateQuarter)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://localhost:7071" };
        var noTimers = new Option<bool>("--no-timers") { Description = "Do not run the timer functions (the chase sweep, digests, retention)." };
        var functionKey = new Option<string?>("--function-key") { Description = "The key authLevel Function routes and the admin API ask for (default: a new random key, printed at start)." };
        var noSignIn = new Option<bool>("--no-sign-in") { Description = "Run as a deployment without App Service Authentication: people's routes answer 503." };
        var noQueues = new Option<bool>("--no-queues") { Description = "Do not poll the queues (SendReminder, SendBoardNotices): an instance of Flex Consumption's HTTP scale group." };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the sample plan into empty storage, open the demo round or watch the .inbox drop folder: the local try-it conveniences, which Azure has none of (the start-up benchmark)." };
        Option[] serveOptions = [urls, noTimers, functionKey, noSignIn, noQueues, noDemo];

        ServeOptions Serve(ParseResult r) => new(r.GetValue(urls)!, !r.GetValue(noTimers), r.GetValue(functionKey), !r.GetValue(noSignIn), !r.GetValue(noQueues), !r.GetValue(noDemo));

        var root = new RootCommand("Runs the CspFunctions Functions app locally on Azurite, refusing what Azure refuses (keys, sign-in, access rules).");
        foreach (var option in serveOptions) root.Options.Add(option);
        root.SetAction((r, ct) => serve(Serve(r), ct));

        var serveCommand = new Command("serve", "Serve the app's HTTP functions and run its timers and queues (the default).");
        foreach (var option in serveOptions) serveCommand.Options.Add(option);
        serveCommand.SetAction((r, ct) => serve(Serve(r), ct));
        root.Subcommands.Add(serveCommand);

        var file = new Argument<string>("FILE") { Description = "The plan: JSON, or CSV, Excel or Word with the plan's details as options (docs/import.md)." };
        var format = new Option<string?>("--format") { Description = "json, csv, xlsx or docx (default: from the file's extension)." };
        var fields = new (string Flag, string Description)[]
        {
            ("--id", "Plan id (CSV), e.g. luton-2019-20."), ("--name", "Plan name (CSV)."), ("--year", "First calendar year of the financial year (CSV), e.g. 2019."),
            ("--manager-name", "CSP manager's name (CSV)."), ("--manager-email", "CSP manager's e-mail (CSV)."), ("--introduction", "The plan's introduction (CSV)."),
            ("--round", "The round of the progress in the file, e.g. 2019-20-Q4."),
        };
        var fieldOptions = fields.Select(f => new Option<string?>(f.Flag) { Description = f.Description }).ToList();
        var importCommand = new Command("import", "Import a plan file with the same importer as the HTTP function.") { file, format };
        foreach (var option in fieldOptions) importCommand.Options.Add(option);
        importCommand.SetAction((r, ct) =>
        {
            var normalized = new List<string> { "import", r.GetValue(file)! };
            if (r.GetValue(format) is { } f) normalized.AddRange(["--format", f]);
            foreach (var option in fieldOptions)
                if (r.GetValue(option) is { } value) normalized.AddRange([option.Name, value]);
            return import(normalized, ct);
        });
        root.Subcommands.Add(importCommand);

        var round = new Argument<string?>("ROUND") { Description = "The round to walk, e.g. 2019-20-Q1 (default: the quarter just ended).", Arity = ArgumentArity.ZeroOrOne };
        var simulate = new Command("simulate-quarter", "Walk a round of the sample plan on a simulated clock while some leads answer (docs/chasing.md).") { round };
        simulate.SetAction((r, ct) => simulateQuarter(r.GetValue(round), ct));
        root.Subcommands.Add(simulate);
        return root;
    }
}
