using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The plan page's workbench (Reporting/Templates/manage-plan.html.sbn): the replies waiting, each lead with its
/// page and its edit form, opening a round now, the plan's history and its contact list.</summary>
public sealed record PlanToolsPart(
    string RepliesHref,
    string HistoryHref,
    string ContactsHref,
    string? OpenRoundAction,
    IReadOnlyList<Choice> Quarters,
    IReadOnlyList<PlanToolsPart.LeadLink> Leads)
{
    public sealed record LeadLink(string Name, string Href, string EditHref, int Contacts);

    /// <summary>The managers and board members page, beside the history page (both are PlanHistoryLinks of the plan).</summary>
    public string PeopleHref => HistoryHref[..HistoryHref.LastIndexOf('/')] + "/people";

    public static PlanToolsPart For(StoredPlan stored, DateOnly today, ManagerLinks links)
    {
        var plan = stored.Plan;
        var year = new FinancialYear(plan.FinancialYearStart);
        var openable = Enumerable.Range(1, 4).Select(year.Quarter).Where(q => stored.FindRound(q.RoundId) is null && q.Start <= today).ToList();
        return new PlanToolsPart(
            ReplyLinks.List(links, plan.Id),
            PlanHistoryLinks.History(links, plan.Id),
            PlanHistoryLinks.Contacts(links, plan.Id),
            openable.Count == 0 ? null : links.To($"manage/plans/{ManagerLinks.Seg(plan.Id)}/open-round"),
            openable.Select((q, i) => new Choice(q.RoundId, q.RoundId, i == openable.Count - 1)).ToList(),
            plan.Leads.Select(l => new LeadLink(l.Name, PlanHistoryLinks.Lead(links, plan.Id, l.Id), PlanHistoryLinks.EditLead(links, plan.Id, l.Id), l.Contacts.Count)).ToList());
    }
}
