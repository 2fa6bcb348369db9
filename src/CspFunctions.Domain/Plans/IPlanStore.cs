using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

public interface IPlanStore
{
    Task<IReadOnlyList<string>> ListPlanIdsAsync(CancellationToken ct = default);
    Task<StoredPlan?> GetAsync(string planId, CancellationToken ct = default);
    /// <summary>Creates or replaces the plan definition. Pass the plan as you read it (null: it must not exist yet); its ETag
    /// guards against a concurrent change, and its rows tell which leads and actions the new definition removes.</summary>
    Task<PlanSaveResult> SaveAsync(Plan plan, StoredPlan? existing, CancellationToken ct = default);
    /// <summary>Creates a round (<paramref name="ifMatch"/> null: it must not exist yet) or changes one read with that ETag.
    /// Throws <see cref="ConcurrencyConflictException"/> if it exists already, or changed since it was read.</summary>
    /// <summary>Saves only the named rows of <paramref name="plan"/> (see <see cref="StoredPlan.Rows"/>), in order, each
    /// guarded by the ETag it had in <paramref name="existing"/>: written if in the plan, deleted if not, added if new.
    /// A row changed since is a <see cref="ConcurrencyConflictException"/>; rows this call added before it are removed again.</summary>
    Task SavePartsAsync(Plan plan, StoredPlan existing, IReadOnlyList<string> rows, CancellationToken ct = default);
    Task SaveRoundAsync(ReportingRound round, string? ifMatch, CancellationToken ct = default);
}
