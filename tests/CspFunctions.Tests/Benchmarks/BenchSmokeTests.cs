using System.Reflection;
using CspFunctions.Bench;
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
}
