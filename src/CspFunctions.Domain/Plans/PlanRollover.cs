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
