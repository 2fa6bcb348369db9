using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The plan page's actions (Reporting/Templates/manage-plan.html.sbn): every current action in the natural order of
/// its reference (1.2 before 1.10), each with its page and its edit form, adding one, and the retired ones kept for history.</summary>
public sealed record PlanActionsPart(string AddHref, IReadOnlyList<PlanActionsPart.Row> Actions, IReadOnlyList<PlanActionsPart.Row> Retired)
{
    public sealed record Row(string Ref, string Text, string Priority, string Leads, bool Restricted, string Href, string? EditHref);

    public static PlanActionsPart For(Plan plan, ManagerLinks links)
    {
        Row Of(PlanAction a, bool current) => new(a.Ref, a.Text, plan.Priorities.FirstOrDefault(p => p.Id == a.PriorityId)?.Title ?? a.PriorityId,
            a.LeadIds.Count == 0 ? "None" : string.Join(", ", a.LeadIds.Select(id => plan.FindLead(id)?.Name ?? id)), a.Restricted,
            PlanHistoryLinks.Action(links, plan.Id, a.Number), current ? ActionLinks.Edit(links, plan.Id, a.Number) : null);
        return new PlanActionsPart(ActionLinks.Add(links, plan.Id),
            plan.Actions.OrderBy(a => a.Ref, ActionReference.NaturalOrder).Select(a => Of(a, true)).ToList(),
            plan.RetiredActions.OrderBy(a => a.Ref, ActionReference.NaturalOrder).Select(a => Of(a, false)).ToList());
    }
}
