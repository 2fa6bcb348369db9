using CspFunctions.Access;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Reporting;

/// <summary>Publish a round to the board, and send failed notices again; both from the round page's forms.</summary>
public sealed class PublishFunction(ReportPublisher publisher, ReportingSettings config, ILogger<PublishFunction> logger)
{
    [Function("PublishReport")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Publish([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans/{planId}/rounds/{roundId}/publish")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        try
        {
            var outcome = await publisher.PublishAsync(planId, roundId, AccessGate.UserOf(request.HttpContext)?.Name ?? "CSP manager", config.PublicBaseUrl, ct);
            logger.LogInformation("Published {PlanId} {RoundId}: board notice {Board}, member notice {Members}", planId, roundId, outcome.Publication.BoardNotice, outcome.Publication.MemberNotice);
            return new RedirectResult(links.Round(planId, roundId, "done=published"));
        }
        catch (ReportNotFoundException ex)
        {
            return PageResult.Message(MessagePage.Error("Not published", ex.Message), StatusCodes.Status404NotFound, links.Layout("Not published"));
        }
        catch (Exception ex) when (ex is RoundAlreadyPublishedException or ConcurrencyConflictException)
        {
            var page = MessagePage.Error("Not published", ex.Message + " Nothing was changed.") with { Back = new Crumb("Back to the round", links.Round(planId, roundId)) };
            return PageResult.Message(page, StatusCodes.Status409Conflict, links.Layout("Not published"));
        }
    }

    [Function("SendReportNoticesAgain")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> SendAgain([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans/{planId}/rounds/{roundId}/notify")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        try
        {
            await publisher.SendAgainAsync(planId, roundId, config.PublicBaseUrl, ct);
            return new RedirectResult(links.Round(planId, roundId, "done=sent"));
        }
        catch (ReportNotFoundException ex)
        {
            return PageResult.Message(MessagePage.Error("Not sent", ex.Message), StatusCodes.Status404NotFound, links.Layout("Not sent"));
        }
    }
}
