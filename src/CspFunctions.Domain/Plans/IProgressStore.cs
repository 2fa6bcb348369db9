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

    /// <summary>Adds the next version of several actions of one round, each following the version before it
    /// (<see cref="ProgressUpdate.Version"/> - 1 is the version the writer saw): all of them or, on a conflict, none
    /// (<see cref="UpdateConflictException"/>). The default adds them one by one; the table store writes one transaction.</summary>
    async Task<IReadOnlyList<ProgressUpdate>> AddAllAsync(IReadOnlyList<ProgressUpdate> updates, CancellationToken ct = default)
    {
        var saved = new List<ProgressUpdate>();
        foreach (var update in updates) saved.Add(await AddAsync(update, update.Version - 1, ct));
        return saved;
    }
}
