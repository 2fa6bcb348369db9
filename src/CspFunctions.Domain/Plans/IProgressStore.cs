using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

public interface IProgressStore
{
    /// <summary>Every version of every update in one round (one partition read).</summary>
    Task<IReadOnlyList<ProgressUpdate>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default);
    /// <summary>Adds the next version. <paramref name="expectedLatestVersion"/> is the version the writer saw (0 for none);
    /// if another version landed since, throws <see cref="UpdateConflictException"/> carrying it.</summary>
    Task<ProgressUpdate> AddAsync(ProgressUpdate update, int expectedLatestVersion, CancellationToken ct = default);
}
