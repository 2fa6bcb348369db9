using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

/// <summary>Year-end roll-over: next year's plan starts from this one, keeping the priorities, leads and every action
/// not reported Complete, each remembering where it came from ("plan-id#number").</summary>
public static class PlanRollover
{
    public static Plan NextYear(Plan plan, IReadOnlyDictionary<int, ProgressUpdate> latest, string? newId = null)
    {
        var year = plan.FinancialYear;
        var next = new FinancialYear(year.StartYear + 1);
        var id = newId ?? (plan.Id.Contains(year.Name, StringComparison.Ordinal) ? plan.Id.Replace(year.Name, next.Name) : $"{plan.Id}-{next.Name}");
        if (!PlanValidator.IsValidId(id)) id = PlanReader.Slug(id);
        var name = plan.Name.Contains(year.Name, StringComparison.Ordinal) ? plan.Name.Replace(year.Name, next.Name) : $"{plan.Name} {next.Name}";
        var carried = plan.Actions
            .Where(a => !(latest.TryGetValue(a.Number, out var u) && u.Status == ProgressStatus.Complete))
            .Select(a => a with { CarriedFrom = $"{plan.Id}#{a.Number}" })
            .ToList();
        var usedLeads = carried.SelectMany(a => a.LeadIds).ToHashSet();
        var leads = plan.Leads.Where(l => usedLeads.Contains(l.Id) || plan.Leads.Any(o => o.DeputyLeadId == l.Id && usedLeads.Contains(o.Id))).ToList();
        return plan with { Id = id, Name = name, FinancialYearStart = next.StartYear, Leads = leads, Actions = carried };
    }
}

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
