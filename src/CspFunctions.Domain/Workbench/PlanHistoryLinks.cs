using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>Where a plan's pages across time are: its history (audit), an action's page, a lead's page, the contact list.</summary>
public static class PlanHistoryLinks
{
    public static string History(ManagerLinks links, string planId) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/history");
    public static string Action(ManagerLinks links, string planId, int number) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/actions/{number}");
    public static string Lead(ManagerLinks links, string planId, string leadId) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/leads/{ManagerLinks.Seg(leadId)}");
    public static string EditLead(ManagerLinks links, string planId, string leadId) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/leads/{ManagerLinks.Seg(leadId)}/edit");
    public static string People(ManagerLinks links, string planId) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/people");
    public static string Contacts(ManagerLinks links, string planId) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/contacts.csv");
}
