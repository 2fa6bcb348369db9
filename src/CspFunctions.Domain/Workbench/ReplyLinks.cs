using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>Where a waiting reply's pages are: manage/plans/{plan}/replies/{round}/{key} and its raw message and decisions.</summary>
public static class ReplyLinks
{
    public static string Path(string planId, string roundId, string key) =>
        $"manage/plans/{ManagerLinks.Seg(planId)}/replies/{ManagerLinks.Seg(roundId)}/{ManagerLinks.Seg(key)}";

    public static string List(ManagerLinks links, string planId, string? done = null) =>
        links.To($"manage/plans/{ManagerLinks.Seg(planId)}/replies", done is null ? null : "done=" + done);

    public static string Reply(ManagerLinks links, string planId, WaitingReply r) => links.To(Path(planId, r.RoundId, r.Key));

    public static string Raw(ManagerLinks links, string planId, WaitingReply r) => links.To(Path(planId, r.RoundId, r.Key) + "/raw");

    public static string Decide(ManagerLinks links, string planId, WaitingReply r, string decision) => links.To(Path(planId, r.RoundId, r.Key) + "/" + decision);
}
