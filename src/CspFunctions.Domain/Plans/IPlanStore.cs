using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

/// <summary>A plan as stored, with its rounds and the version tag that guards concurrent changes.</summary>
public sealed record StoredPlan(Plan Plan, IReadOnlyList<ReportingRound> Rounds, string ETag, int Revision, IReadOnlyDictionary<string, string> RoundETags)
{
    public ReportingRound? FindRound(string roundId) => Rounds.FirstOrDefault(r => r.Id == roundId);
}

public sealed record PlanSaveResult(bool Created, int Revision, int ActionsWritten, int ActionsRemoved, int LeadsWritten);

/// <summary>Thrown when someone else changed the same thing first; nothing was written.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

public interface IPlanStore
{
    Task<IReadOnlyList<string>> ListPlanIdsAsync(CancellationToken ct = default);
    Task<StoredPlan?> GetAsync(string planId, CancellationToken ct = default);
    /// <summary>Creates or replaces the plan definition. Pass the plan as you read it (null: it must not exist yet); its ETag
    /// guards against a concurrent change, and its rows tell which leads and actions the new definition removes.</summary>
    Task<PlanSaveResult> SaveAsync(Plan plan, StoredPlan? existing, CancellationToken ct = default);
    /// <summary>Creates a round (<paramref name="ifMatch"/> null: it must not exist yet) or changes one read with that ETag.
    /// Throws <see cref="ConcurrencyConflictException"/> if it exists already, or changed since it was read.</summary>
    Task SaveRoundAsync(ReportingRound round, string? ifMatch, CancellationToken ct = default);
}

public interface IProgressStore
{
    /// <summary>Every version of every update in one round (one partition read).</summary>
    Task<IReadOnlyList<ProgressUpdate>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default);
    /// <summary>Adds the next version. <paramref name="expectedLatestVersion"/> is the version the writer saw (0 for none);
    /// if another version landed since, throws <see cref="UpdateConflictException"/> carrying it.</summary>
    Task<ProgressUpdate> AddAsync(ProgressUpdate update, int expectedLatestVersion, CancellationToken ct = default);
}

public sealed class UpdateConflictException(ProgressUpdate current)
    : Exception($"Action {current.ActionNumber} was updated by {current.GivenBy} at {current.GivenAt:u} while you were editing.")
{
    public ProgressUpdate Current { get; } = current;
}

public static class ProgressHistory
{
    /// <summary>The latest version of each action's update.</summary>
    public static IReadOnlyDictionary<int, ProgressUpdate> Latest(this IEnumerable<ProgressUpdate> updates) =>
        updates.GroupBy(u => u.ActionNumber).ToDictionary(g => g.Key, g => g.MaxBy(u => u.Version)!);
}
