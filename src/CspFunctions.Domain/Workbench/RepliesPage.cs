using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>Every reply waiting for the manager, newest first (Workbench/Templates/replies.html.sbn): who sent it,
/// when, for which lead and round, why it waits, its text, the raw message, and the page to deal with it.</summary>
public sealed record RepliesPage(string Title, string PlanName, string? Done, IReadOnlyList<RepliesPage.Item> Replies)
{
    public const string Template = "replies.html.sbn";

    private static readonly Dictionary<string, string> DoneMessages = new()
    {
        ["placed"] = "The reply was placed on the action(s) and taken off the list.",
        ["accepted"] = "The sender was added as a contact and the reply applied.",
        ["discarded"] = "The reply was discarded; the reason is kept on the message.",
        ["forwarded"] = "The reply now shows on the lead's own form, and the lead's contacts were emailed it with their own form link.",
    };

    public sealed record Item(string Id, string From, string Received, string Lead, string Round, string Kind, string KindColour, string Why, string? Text, string Href, string RawHref);

    public static RepliesPage For(Plan plan, IReadOnlyList<WaitingReply> replies, string? done, ManagerLinks links) => new(
        "Replies waiting", plan.Name, done is not null && DoneMessages.TryGetValue(done, out var m) ? m : null,
        replies.Select(r => new Item(r.Id, r.From ?? "(no sender)", ManagerText.DateTime(r.ReceivedAt), plan.FindLead(r.LeadId ?? "")?.Name ?? r.LeadId ?? "(no lead)", r.RoundId,
            KindOf(r), ColourOf(r), r.Reason, r.Text, ReplyLinks.Reply(links, plan.Id, r), ReplyLinks.Raw(links, plan.Id, r))).ToList());

    public static string KindOf(WaitingReply r) =>
        r.IsNoChangeWithoutPrevious ? "Needs a real update" : r.State == InboundState.HeldForReview ? "Sender not a contact" : "Not placed";

    private static string ColourOf(WaitingReply r) =>
        r.IsNoChangeWithoutPrevious ? "purple" : r.State == InboundState.HeldForReview ? "orange" : "yellow";
}
