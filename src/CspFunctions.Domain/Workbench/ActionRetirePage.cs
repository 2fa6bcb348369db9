using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The confirmation step before an action is retired (Workbench/Templates/action-retire.html.sbn). The form carries
/// the action's version: if someone changed it meanwhile, nothing is retired and their version is shown to confirm again.</summary>
public sealed record ActionRetirePage(
    string Title,
    string PlanName,
    string Ref,
    string FormAction,
    string HistoryHref,
    string EditHref,
    string Version,
    IReadOnlyList<string> Facts,
    string? Conflict)
{
    public const string Template = "action-retire.html.sbn";

    public bool HasErrors => Conflict is not null;

    public static ActionRetirePage For(Plan plan, PlanAction action, ManagerLinks links) => new(
        $"Retire action {action.Ref}", plan.Name, action.Ref, ActionLinks.Retire(links, plan.Id, action.Number), PlanHistoryLinks.Action(links, plan.Id, action.Number),
        ActionLinks.Edit(links, plan.Id, action.Number), PlanEditor.VersionOf(action),
        [
            action.Text,
            "Priority: " + (plan.Priorities.FirstOrDefault(p => p.Id == action.PriorityId)?.Title ?? action.PriorityId),
            "Leads: " + (action.LeadIds.Count == 0 ? "none" : string.Join(", ", action.LeadIds.Select(id => plan.FindLead(id)?.Name ?? id))),
        ], null);
}
