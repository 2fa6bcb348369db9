using CspFunctions.Import;
using CspFunctions.Plans;

namespace CspFunctions.LocalHost;

/// <summary>The local "import FILE" command: the same importer as the HTTP function, for a manager's laptop.</summary>
public static class ImportCommand
{
    public const string Usage = "Usage: import FILE [--format json|csv|xlsx|docx] [--id ID --name NAME --year 2019 --manager-name NAME --manager-email EMAIL --introduction TEXT --round 2019-20-Q4]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, PlanImporter importer, TextWriter output, TextWriter error, CancellationToken ct = default, TimeProvider? clock = null)
    {
        string? Option(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var file = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i].StartsWith("--", StringComparison.Ordinal))).FirstOrDefault();
        if (file is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"No such file: {file}");
            return 2;
        }
        var format = PlanFileFormat.From(Option("format") ?? Path.GetExtension(file).TrimStart('.'), null);
        if (format is null)
        {
            await error.WriteLineAsync($"Cannot tell the format of {file}: name it .json, .csv, .xlsx or .docx, or pass --format json|csv|xlsx|docx.");
            return 2;
        }
        var fields = new Dictionary<string, string>();
        foreach (var (flag, key) in new[] { ("id", "id"), ("name", "name"), ("year", "year"), ("manager-name", "managerName"), ("manager-email", "managerEmail"), ("introduction", "introduction"), ("round", "round") })
            if (Option(flag) is { } value) fields[key] = value;
        try
        {
            await using var stream = File.OpenRead(file);
            var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
            var reading = PlanFileFormat.Read(format.Value, stream, fields, today);
            foreach (var warning in reading.Warnings) await output.WriteLineAsync("  note: " + warning);
            var outcome = await importer.ImportAsync(reading.Document, ct);
            await output.WriteLineAsync($"Imported {outcome.PlanId} (revision {outcome.Revision}): {outcome.Actions} actions, {outcome.Leads} leads, {outcome.UpdatesAdded} updates added.");
            return 0;
        }
        catch (PlanImportException ex)
        {
            await error.WriteLineAsync($"Not imported: {ex.Problems.Count} problem(s). Nothing was changed.");
            foreach (var p in ex.Problems) await error.WriteLineAsync("  " + p);
            return 1;
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or UpdateConflictException)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
