namespace CspFunctions.Bench;

/// <summary>A measurement that BenchmarkDotNet does not fit (storage request counts, peak memory):
/// it prints its figures, each as a ratio against a baseline measured in the same run, and returns 0 when targets are met.</summary>
public interface IBenchProgram
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args);
}
