using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>One waiting reply and the four decisions about it (Workbench/Templates/reply.html.sbn): place its text (as
/// edited) on the lead's actions, accept a held sender as a contact, discard it with a reason, or show it on the lead's
/// form. A refused decision keeps what was entered; a conflict shows what someone else saved.</summary>
public sealed record ReplyPage(
    string Title,
    string PlanName,
    RepliesPage.Item Reply,
    IReadOnlyList<ErrorLink> Errors,
    string? Conflict,
    string? PlaceAction,
    IReadOnlyList<ActionEntry> Actions,
    string? AcceptAction,
    string ContactName,
    string? ContactNameError,
    string DiscardAction,
    string Reason,
    string? ReasonError,
    string? ForwardAction,
    string? ForwardError,
    string BackHref)
{
    public const string Template = "reply.html.sbn";

    public bool HasErrors => Errors.Count > 0;
    public string? ActionsError { get; init; }

    public static ReplyPage For(Plan plan, WaitingReply reply, IReadOnlyDictionary<int, ProgressUpdate> latest, ManagerLinks links)
    {
        var lead = reply.LeadId is null ? null : plan.FindLead(reply.LeadId);
        var item = RepliesPage.For(plan, [reply], null, links).Replies[0];
        var canForward = lead is not null && !reply.IsNoChangeWithoutPrevious && !string.IsNullOrWhiteSpace(reply.Text);
        return new ReplyPage($"Reply from {item.From}", plan.Name, item, [], null,
            lead is null ? null : ReplyLinks.Decide(links, plan.Id, reply, "place"),
            lead is null ? [] : ActionEntries.Blank(plan, lead, latest, reply.Text ?? ""),
            reply.State == InboundState.HeldForReview && lead is not null ? ReplyLinks.Decide(links, plan.Id, reply, "accept") : null,
            "", null, ReplyLinks.Decide(links, plan.Id, reply, "discard"), "", null,
            canForward ? ReplyLinks.Decide(links, plan.Id, reply, "forward") : null, null, ReplyLinks.List(links, plan.Id));
    }

    /// <summary>The page again after a refused or conflicting decision, with the errors on their fields.</summary>
    public ReplyPage WithOutcome(WorkbenchOutcome outcome) => this with
    {
        Errors = ErrorLink.Of(outcome.Errors),
        Conflict = outcome.Conflict,
        Actions = ActionEntries.WithOutcome(Actions, outcome.Errors, outcome.Theirs),
        ContactNameError = outcome.Errors.FirstOrDefault(e => e.FieldId == "contact-name")?.Message,
        ReasonError = outcome.Errors.FirstOrDefault(e => e.FieldId == "reason")?.Message,
        ForwardError = outcome.Errors.FirstOrDefault(e => e.FieldId == "forward")?.Message,
        ActionsError = outcome.Errors.FirstOrDefault(e => e.FieldId == "actions")?.Message,
    };
}
