using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>Where an action is edited in place, added and retired (its page across time is <see cref="PlanHistoryLinks.Action"/>).</summary>
public static class ActionLinks
{
    public static string Edit(ManagerLinks links, string planId, int number) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/actions/{number}/edit");
    public static string Retire(ManagerLinks links, string planId, int number) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/actions/{number}/retire");
    public static string Add(ManagerLinks links, string planId) => links.To($"manage/plans/{ManagerLinks.Seg(planId)}/new-action");
}
