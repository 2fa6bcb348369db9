using CspFunctions.Plans;

namespace CspFunctions.Reporting;

/// <summary>One plan (Reporting/Templates/manage-plan.html.sbn): its priorities and rounds, replies waiting for the
/// manager, and the year-end roll-over form.</summary>
public sealed record ManagePlanPage(
    string Name,
    string? Done,
    IReadOnlyList<ManagePlanPage.Fact> Facts,
    IReadOnlyList<ManagePlanPage.PriorityRow> Priorities,
    IReadOnlyList<ManagePlanPage.RoundRow> Rounds,
    IReadOnlyList<HeldReplyRow> Held,
    string NextYear,
    string RolloverAction,
    string SuggestedId)
{
    public const string Template = "manage-plan.html.sbn";

    /// <summary>Every action with its page and edit form, adding one, and the retired ones.</summary>
    public Workbench.PlanActionsPart? ActionList { get; init; }

    /// <summary>The workbench: replies waiting, leads, opening a round now, history and contacts.</summary>
    public Workbench.PlanToolsPart? Tools { get; init; }

    public sealed record Fact(string Key, string Value);

    public sealed record PriorityRow(string Title, int Actions, int Restricted);

    public sealed record RoundRow(string Id, string Href, string State, string Due, string Answered);

    /// <summary>The page; answered is the number of the plan's actions with an update, per round id.</summary>
    public static ManagePlanPage For(StoredPlan stored, IReadOnlyDictionary<string, int> answered, IReadOnlyList<HeldReply> held, string? done, ManagerLinks links)
    {
        var plan = stored.Plan;
        return new ManagePlanPage(
            plan.Name,
            done == "rolled-over" ? "Next year's plan was created from this one." : null,
            [
                new("Financial year", plan.FinancialYear.Name),
                new("Priorities", plan.Priorities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Actions", plan.Actions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Partnership leads", plan.Leads.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            plan.Priorities.Select(p => new PriorityRow(p.Title, plan.ActionsIn(p).Count(), plan.ActionsIn(p).Count(a => a.Restricted))).ToList(),
            stored.Rounds.Reverse().Select(r => new RoundRow(r.Id, links.Round(plan.Id, r.Id), r.State.ToString(), ManagerText.Date(r.DueDate),
                $"{answered.GetValueOrDefault(r.Id)} of {plan.Actions.Count}")).ToList(),
            held.Select(HeldReplyRow.Of).ToList(),
            new FinancialYear(plan.FinancialYearStart + 1).Name,
            links.To($"manage/plans/{ManagerLinks.Seg(plan.Id)}/rollover"),
            PlanRollover.NextYear(plan, new Dictionary<int, Progress.ProgressUpdate>()).Id);
    }
}
