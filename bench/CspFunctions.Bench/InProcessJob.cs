using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CspFunctions.Bench;

/// <summary>5 warm-up and 20 measured iterations, run inside the bench's own process. BenchmarkDotNet's default builds a
/// copy of the bench project per run, and that copy's build of the two Functions apps it references (the app and
/// EmptyApp) writes both WorkerExtensions outputs to one folder and fails (MSB3030), so nothing is measured.</summary>
public sealed class InProcessJob : ManualConfig
{
    public InProcessJob() => AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(20).WithToolchain(InProcessEmitToolchain.Instance));
}
