using CspFunctions.Access;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Workbench.WorkbenchRequests;

namespace CspFunctions.Workbench;

/// <summary>Replies waiting for the manager: the list, one reply with its four decisions, and its raw message.</summary>
public sealed class RepliesFunction(RepliesDesk desk, IWaitingReplies waiting, IPlanStore plans, IProgressStore progress, IMailArchive archive)
{
    private const string ReplyRoute = "manage/plans/{planId}/replies/{roundId}/{key}";

    [Function("ManageReplies")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}/replies")] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        if (await desk.ListAsync(planId, ct) is not { } found) return NotFound(links, "Plan not found", $"There is no plan with id '{planId}'.");
        var (stored, replies) = found;
        var page = RepliesPage.For(stored.Plan, replies, request.Query["done"].ToString(), links);
        return new PageResult(RepliesPage.Template, page, links.Layout(page.Title, stored.Plan, crumbs: new Crumb(stored.Plan.Name, links.Plan(planId))));
    }

    [Function("ManageReply")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ReplyRoute)] HttpRequest request, string planId, string roundId, string key, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var (stored, reply) = await LoadAsync(planId, roundId, key, ct);
        if (stored is null || reply is null) return NotFound(links, "Reply not found", "That reply is not in this plan's inbound log.", new Crumb("Back to the replies waiting", ReplyLinks.List(links, planId)));
        if (!reply.IsWaiting) return NotFound(links, "Reply dealt with", $"This reply has been dealt with already: {reply.Reason}", new Crumb("Back to the replies waiting", ReplyLinks.List(links, planId)));
        var latest = (await progress.GetRoundAsync(planId, roundId, ct)).Latest();
        return Page(stored, ReplyPage.For(stored.Plan, reply, latest, links), links);
    }

    [Function("ReplyRawMessage")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Raw([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ReplyRoute + "/raw")] HttpRequest request, string planId, string roundId, string key, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var (stored, reply) = await LoadAsync(planId, roundId, key, ct);
        var content = stored is null || reply is null || reply.ArchiveBlob.Length == 0 ? null : await archive.OpenAsync(reply.ArchiveBlob, ct);
        if (content is null) return NotFound(links, "Message not found", "The raw message is not in the archive (it may have passed its retention period).");
        // Shown as plain text: a mail's HTML part is never rendered in the manager's browser.
        return new FileStreamResult(content, "text/plain; charset=utf-8");
    }

    [Function("DecideReply")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Decide([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ReplyRoute + "/{decision}")] HttpRequest request,
        string planId, string roundId, string key, string decision, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var (stored, reply) = await LoadAsync(planId, roundId, key, ct);
        if (stored is null || reply is null) return NotFound(links, "Reply not found", "That reply is not in this plan's inbound log.", new Crumb("Back to the replies waiting", ReplyLinks.List(links, planId)));
        var latest = (await progress.GetRoundAsync(planId, roundId, ct)).Latest();
        var page = ReplyPage.For(stored.Plan, reply, latest, links) with { ContactName = Value(form, "contact-name") ?? "", Reason = Value(form, "reason") ?? "" };
        var by = By(request);
        WorkbenchOutcome outcome;
        string done;
        switch (decision)
        {
            case "place":
                var lead = stored.Plan.FindLead(reply.LeadId ?? "");
                if (lead is null) { outcome = await desk.PlaceAsync(planId, roundId, key, [], by, ct); done = "placed"; break; }
                var posted = ActionEntries.Posted(stored.Plan, lead, latest, k => Value(form, k));
                page = page with { Actions = posted.Entries };
                outcome = posted.Errors.Count > 0 ? WorkbenchOutcome.Refused(posted.Errors) : await desk.PlaceAsync(planId, roundId, key, posted.Placements, by, ct);
                done = "placed";
                break;
            case "accept":
                outcome = await desk.AcceptSenderAsync(planId, roundId, key, page.ContactName, by, ct);
                done = "accepted";
                break;
            case "discard":
                outcome = await desk.DiscardAsync(planId, roundId, key, page.Reason, by, ct);
                done = "discarded";
                break;
            case "forward":
                outcome = await desk.ForwardAsync(planId, roundId, key, by, ct);
                done = "forwarded";
                break;
            default:
                return NotFound(links, "Not found", $"'{decision}' is not something to do with a reply.");
        }
        if (outcome.IsSaved) return SeeOther(ReplyLinks.List(links, planId, done));
        return Page(stored, page.WithOutcome(outcome), links, StatusOf(outcome));
    }

    private async Task<(StoredPlan? Stored, WaitingReply? Reply)> LoadAsync(string planId, string roundId, string key, CancellationToken ct)
    {
        var stored = await plans.GetAsync(planId, ct);
        var reply = stored?.FindRound(roundId) is null ? null : await waiting.GetAsync(planId, roundId, key, ct);
        return (stored, reply);
    }

    private static PageResult Page(StoredPlan stored, ReplyPage page, ManagerLinks links, int status = StatusCodes.Status200OK) =>
        new(ReplyPage.Template, page, links.Layout(page.Title, stored.Plan, page.HasErrors || page.Conflict is not null,
            new Crumb(stored.Plan.Name, links.Plan(stored.Plan.Id)), new Crumb("Replies waiting", ReplyLinks.List(links, stored.Plan.Id))), status);
}
