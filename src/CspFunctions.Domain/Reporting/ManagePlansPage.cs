using CspFunctions.Plans;

namespace CspFunctions.Reporting;

/// <summary>The manager's start page (Reporting/Templates/manage-plans.html.sbn): every plan, and messages that failed
/// every retry.</summary>
public sealed record ManagePlansPage(IReadOnlyList<ManagePlansPage.PlanRow> Plans, IReadOnlyList<ManagePlansPage.FailedRow> Failed, string UploadHref)
{
    public const string Template = "manage-plans.html.sbn";

    public sealed record PlanRow(string Name, string Href, string Year, int Actions, string? LatestRound, string? LatestState);

    public sealed record FailedRow(string Queue, string Added, long Attempts, string Message);

    public static ManagePlansPage For(IEnumerable<StoredPlan> plans, IEnumerable<FailedWork> failed, ManagerLinks links) => new(
        plans.Select(p => new PlanRow(p.Plan.Name, links.Plan(p.Plan.Id), p.Plan.FinancialYear.Name, p.Plan.Actions.Count,
            p.Rounds.LastOrDefault()?.Id, p.Rounds.LastOrDefault()?.State.ToString())).ToList(),
        failed.Select(f => new FailedRow(f.Source, f.InsertedAt?.ToString("u") ?? "", f.DequeueCount, f.Summary)).ToList(),
        links.Upload);
}
