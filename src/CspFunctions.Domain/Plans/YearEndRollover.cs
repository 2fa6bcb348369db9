using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

/// <summary>Rolls a stored plan over using the latest update of each action across its rounds.</summary>
public sealed class YearEndRollover(IPlanStore plans, IProgressStore progress)
{
    public async Task<Plan> StartNextYearAsync(string planId, string? newId, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct) ?? throw new PlanImportException([new ImportProblem(null, "id", $"there is no plan with id '{planId}'")]);
        var latest = new Dictionary<int, ProgressUpdate>();
        foreach (var round in stored.Rounds.OrderBy(r => r.Id, StringComparer.Ordinal))
            foreach (var (number, update) in (await progress.GetRoundAsync(planId, round.Id, ct)).Latest())
                latest[number] = update;
        var next = PlanRollover.NextYear(stored.Plan, latest, string.IsNullOrWhiteSpace(newId) ? null : newId.Trim());
        if (!PlanValidator.IsValidId(next.Id) || next.Id == planId)
            throw new PlanImportException([new ImportProblem(null, "id", $"'{next.Id}' is not a new plan id: use lower-case letters, digits and hyphens")]);
        if (next.Actions.Count == 0)
            throw new PlanImportException([new ImportProblem(null, "actions", "every action is Complete: there is nothing to carry forward")]);
        await plans.SaveAsync(next, existing: null, ct);
        return next;
    }
}
