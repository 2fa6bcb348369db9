using System.Text.RegularExpressions;
using CspFunctions.Bench;
using CspFunctions.LocalHost;
using CspFunctions.Tests.Infrastructure;

namespace CspFunctions.Tests.Benchmarks;

/// <summary>Every benchmark program once at a small size, so bench/ cannot rot unseen: it must build (it is in the
/// solution), finish, and its same-output checks must hold. Timings are not judged here; the real figures come from a
/// full run and live in bench/results.</summary>
[Collection(StorageCollection.Name)]
public sealed class BenchSmokeTests(StorageFixture storage) : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("csp-bench-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    private static readonly Dictionary<string, IBenchProgram> Programs = typeof(IBenchProgram).Assembly.GetTypes()
        .Where(t => typeof(IBenchProgram).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IBenchProgram)Activator.CreateInstance(t)!)
        .ToDictionary(p => p.Name);

    public static TheoryData<string> Names() => new(Programs.Keys.Order());

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_benchmark_runs_at_a_small_size_and_its_checks_hold(string name)
    {
        _ = storage; // Azurite is up (the fixture), as most programs need it
        var exit = await Programs[name].RunAsync(["--smoke", "--results", _results]);
        Assert.Equal(0, exit);

        var written = await File.ReadAllTextAsync(Path.Combine(_results, name + ".md"));
        Assert.Contains("**Smoke run**", written);
        Assert.Matches(@"\| Machine \| [^|]+, \d+ cores, ", written);
        Assert.Matches(@"\| Date \(UTC\) \| \d{4}-\d{2}-\d{2} \d{2}:\d{2} \|", written);
        Assert.Matches(@"\| Commit \| (?:[0-9a-f]{7,}|unknown)", written);
        Assert.Matches(@"\| Figure \| Measured \| Baseline \(same run\) \| Ratio \|", written);
        Assert.DoesNotContain("FAILS", written);
    }

    /// <summary>The docs quote bench/results, so every program needs a committed file from a full run, at a commit, with
    /// a same-run baseline beside each figure, linked from docs/benchmarks.md; and no doc may link to a file that is not there.</summary>
    [Fact]
    public void Every_benchmark_has_a_full_run_results_file_naming_its_commit_and_baselines_and_the_docs_link_only_to_files_that_exist()
    {
        var root = RepoPaths.FindRoot();
        var results = Path.Combine(root, "bench", "results");
        var benchmarksDoc = File.ReadAllText(Path.Combine(root, "docs", "benchmarks.md"));
        var problems = new List<string>();

        foreach (var name in Programs.Keys.Order())
        {
            var path = Path.Combine(results, name + ".md");
            if (!File.Exists(path))
            {
                problems.Add($"bench/results/{name}.md is missing: run `dotnet run -c Release --project bench/CspFunctions.Bench -- {name}` from a clean checkout and commit the file");
                continue;
            }
            var text = File.ReadAllText(path);
            if (text.Contains("**Smoke run**", StringComparison.Ordinal)) problems.Add($"bench/results/{name}.md is from a smoke run");
            if (!Regex.IsMatch(text, @"^\| Commit \| [0-9a-f]{7,40} \|$", RegexOptions.Multiline))
                problems.Add($"bench/results/{name}.md does not name the clean commit it measured (its Commit line is missing, unknown or 'with uncommitted changes')");
            var figures = FigureRows(text);
            if (figures.Count == 0) problems.Add($"bench/results/{name}.md has no figures");
            problems.AddRange(figures.Where(f => f.Baseline is "" or "-").Select(f => $"bench/results/{name}.md: '{f.Figure}' has no baseline"));
            if (!benchmarksDoc.Contains($"](../bench/results/{name}.md)", StringComparison.Ordinal))
                problems.Add($"docs/benchmarks.md does not link bench/results/{name}.md");
        }

        foreach (var file in Directory.GetFiles(results, "*.md").Select(Path.GetFileNameWithoutExtension))
            if (!Programs.ContainsKey(file!)) problems.Add($"bench/results/{file}.md belongs to no benchmark program");

        var docs = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"));
        var links = 0;
        foreach (var doc in docs)
            foreach (Match link in Regex.Matches(File.ReadAllText(doc), @"\]\(((?:\.\./)?bench/results/[^)#\s]+)\)"))
            {
                links++;
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(doc)!, link.Groups[1].Value));
                if (!File.Exists(target)) problems.Add($"{Path.GetRelativePath(root, doc)} links {link.Groups[1].Value}, which does not exist");
            }

        Assert.True(links >= Programs.Count, $"expected the docs to link at least one results file per program, found {links} links");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The rows of a results file's figure table: | Figure | Measured | Baseline (same run) | Ratio | Target | Met |.</summary>
    private static List<(string Figure, string Baseline)> FigureRows(string text)
    {
        var rows = new List<(string, string)>();
        var inTable = false;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("| Figure | Measured | Baseline (same run) |", StringComparison.Ordinal)) { inTable = true; continue; }
            if (!inTable || line.StartsWith("| ---", StringComparison.Ordinal)) continue;
            if (!line.StartsWith('|')) { inTable = false; continue; }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            rows.Add((cells[0], cells.Length > 2 ? cells[2] : ""));
        }
        return rows;
    }
}
