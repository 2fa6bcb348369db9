using CspFunctions.LocalHost;

namespace CspFunctions.Bench;

/// <summary>The options every measurement program takes: <c>--smoke</c> runs it once at a small size (CI: it must finish
/// and its same-output checks must hold; timings are not judged), <c>--results DIR</c> says where its figures go
/// (default bench/results). Other arguments are the program's own.</summary>
public sealed record BenchOptions(bool Smoke, string ResultsDirectory, IReadOnlyList<string> Rest)
{
    public static string DefaultResultsDirectory => Path.Combine(RepoPaths.FindRoot(), "bench", "results");

    public static BenchOptions Parse(string[] args)
    {
        var smoke = false;
        string? results = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--smoke") smoke = true;
            else if (args[i] == "--results" && i + 1 < args.Length) results = args[++i];
            else rest.Add(args[i]);
        }
        return new BenchOptions(smoke, results ?? DefaultResultsDirectory, rest);
    }

    /// <summary>The Nth positional argument as a number, or the smoke or full default.</summary>
    public int Int(int index, int full, int smoke) =>
        index < Rest.Count && int.TryParse(Rest[index], out var n) ? n : Smoke ? smoke : full;
}
