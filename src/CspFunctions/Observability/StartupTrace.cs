using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace CspFunctions.Observability;

/// <summary>
/// Where a cold start spends its time. With the environment variable CSP_STARTUP_TRACE=1 each <see cref="Mark"/> writes one
/// line to standard error, "startup-trace STAGE | MS ms | jit=N jit-ms=MS assemblies=N": the time since the process started,
/// the methods JIT-compiled so far and the time spent compiling them, and the assemblies loaded. Unset (always in Azure
/// unless an operator sets it to profile a start), a mark costs one test of a bool. The start-up benchmark reads these
/// lines for its stage breakdown (bench/results/startup.md).
/// </summary>
public static class StartupTrace
{
    public const string Variable = "CSP_STARTUP_TRACE";
    public const string Prefix = "startup-trace ";
    public const string AssembliesPrefix = "startup-trace-assemblies ";

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(Variable) == "1";

    private static readonly HashSet<string> Marked = [];

    public static void Mark(string stage)
    {
        if (!Enabled) return;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{stage} | {sinceStart.TotalMilliseconds:F0} ms | jit={JitInfo.GetCompiledMethodCount()} jit-ms={JitInfo.GetCompilationTime().TotalMilliseconds:F0} assemblies={AppDomain.CurrentDomain.GetAssemblies().Length}"));
    }

    /// <summary>One line naming every assembly loaded so far: "startup-trace-assemblies A,B,C", once.</summary>
    public static void ListAssembliesOnce()
    {
        if (!Enabled) return;
        lock (Marked)
            if (!Marked.Add(AssembliesPrefix)) return;
        Console.Error.WriteLine(AssembliesPrefix + string.Join(",", AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal)));
    }

    /// <summary>A mark made only the first time (the first request's stages).</summary>
    public static void MarkOnce(string stage)
    {
        if (!Enabled) return;
        lock (Marked)
            if (!Marked.Add(stage)) return;
        Mark(stage);
    }
}
