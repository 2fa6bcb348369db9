using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CspFunctions.LocalHost;

namespace CspFunctions.Bench;

/// <summary>
/// A benchmark's figures as a file under bench/results/{name}.md: the machine, the date, the commit and the command,
/// then each figure beside the baseline measured in the same run. The docs link to these files rather than copying
/// numbers, so a figure in the docs is always one a run produced.
/// </summary>
public sealed class BenchReport(string name, string title, string command)
{
    private readonly List<(string Figure, string Value, string Baseline, string Ratio, string Target, string Met)> _rows = [];
    private readonly List<string> _checks = [];
    private readonly List<string> _notes = [];

    public bool ChecksHold { get; private set; } = true;
    public bool TargetsMet { get; private set; } = true;

    /// <summary>A figure against its baseline; the target is on the ratio (value / baseline).</summary>
    public void Figure(string figure, double value, double baseline, string unit, double? maxRatio = null)
    {
        var ratio = baseline == 0 ? double.NaN : value / baseline;
        var met = maxRatio is not { } max || ratio <= max;
        TargetsMet &= met;
        _rows.Add((figure, Format(value, unit), Format(baseline, unit), ratio.ToString("F3", CultureInfo.InvariantCulture),
            maxRatio is { } m ? "<= " + m.ToString("0.###", CultureInfo.InvariantCulture) : "-", maxRatio is null ? "-" : met ? "yes" : "NO"));
        Console.WriteLine($"{figure}: {Format(value, unit)} vs baseline {Format(baseline, unit)} = ratio {ratio:F3}{(maxRatio is { } t ? $" (target <= {t})" : "")}");
    }

    /// <summary>A same-output or correctness check: these must hold in a smoke run too.</summary>
    public void Check(string what, bool holds)
    {
        ChecksHold &= holds;
        _checks.Add($"- {(holds ? "holds" : "FAILS")}: {what}");
        Console.WriteLine($"check {(holds ? "holds" : "FAILS")}: {what}");
    }

    public void Note(string text)
    {
        _notes.Add(text);
        Console.WriteLine(text);
    }

    /// <summary>Writes the file and returns the program's exit code: checks must hold; in a full run targets must be met too.</summary>
    public async Task<int> FinishAsync(BenchOptions options)
    {
        Directory.CreateDirectory(options.ResultsDirectory);
        var path = Path.Combine(options.ResultsDirectory, name + ".md");
        var md = new StringBuilder();
        md.AppendLine($"# {title}").AppendLine();
        md.AppendLine(options.Smoke ? "**Smoke run** (small size, timings not meaningful)." : "Written by the benchmark itself; do not edit by hand.").AppendLine();
        md.AppendLine("| | |").AppendLine("| --- | --- |");
        md.AppendLine($"| Machine | {Machine()} |");
        md.AppendLine($"| Date (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |");
        md.AppendLine($"| Commit | {Commit()} |");
        md.AppendLine($"| Command | `{command}{(options.Rest.Count > 0 ? " " + string.Join(" ", options.Rest) : "")}{(options.Smoke ? " --smoke" : "")}` |");
        md.AppendLine().AppendLine("| Figure | Measured | Baseline (same run) | Ratio | Target | Met |").AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var r in _rows) md.AppendLine($"| {r.Figure} | {r.Value} | {r.Baseline} | {r.Ratio} | {r.Target} | {r.Met} |");
        if (_checks.Count > 0) md.AppendLine().AppendLine("Checks:").AppendLine().AppendJoin(Environment.NewLine, _checks).AppendLine();
        if (_notes.Count > 0) md.AppendLine().AppendJoin(Environment.NewLine + Environment.NewLine, _notes).AppendLine();
        await File.WriteAllTextAsync(path, md.ToString());
        Console.WriteLine($"Figures written to {path}");
        var ok = ChecksHold && (options.Smoke || TargetsMet);
        Console.WriteLine(ok ? "All checks hold" + (options.Smoke ? " (smoke run: targets not judged)." : " and all targets are met.") : "A check failed or a target was missed.");
        return ok ? 0 : 1;
    }

    private static string Format(double value, string unit) => unit switch
    {
        "ms" => value.ToString("F2", CultureInfo.InvariantCulture) + " ms",
        "MB" => value.ToString("F1", CultureInfo.InvariantCulture) + " MB",
        "" => value.ToString("N0", CultureInfo.InvariantCulture),
        _ => value.ToString("N0", CultureInfo.InvariantCulture) + " " + unit,
    };

    private static string Machine() =>
        $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}";

    private static string Commit()
    {
        var head = Git("rev-parse --short HEAD");
        if (head is null) return "unknown (not a git checkout)";
        return string.IsNullOrWhiteSpace(Git("status --porcelain --untracked-files=no")) ? head : head + " with uncommitted changes";
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{RepoPaths.FindRoot()}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
