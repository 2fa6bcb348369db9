using CspFunctions.Access;
using CspFunctions.Plans;
using CspFunctions.Setup;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using static CspFunctions.Reporting.ManagerPage;

namespace CspFunctions.Reporting;

/// <summary>Publish a round to the board, and send failed notices again; both from the round page's forms.</summary>
public sealed class PublishFunction(ReportPublisher publisher, ReportingSettings config, ILogger<PublishFunction> logger)
{
    [Function("PublishReport")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Publish([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans/{planId}/rounds/{roundId}/publish")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        if (IsCrossSite(request)) return Html("Refused", "<p class=\"error\">This form was sent from another site, so it was refused.</p>", request, StatusCodes.Status403Forbidden);
        var back = Link(request, $"manage/plans/{Seg(planId)}/rounds/{Seg(roundId)}");
        try
        {
            var outcome = await publisher.PublishAsync(planId, roundId, AccessGate.UserOf(request.HttpContext)?.Name ?? "CSP manager", config.PublicBaseUrl, ct);
            logger.LogInformation("Published {PlanId} {RoundId}: board notice {Board}, member notice {Members}", planId, roundId, outcome.Publication.BoardNotice, outcome.Publication.MemberNotice);
            return SeeOther(Link(request, $"manage/plans/{Seg(planId)}/rounds/{Seg(roundId)}", "done=published"));
        }
        catch (ReportNotFoundException ex)
        {
            return Html("Not published", $"<p class=\"error\" role=\"alert\">{H(ex.Message)}</p>", request, StatusCodes.Status404NotFound);
        }
        catch (Exception ex) when (ex is RoundAlreadyPublishedException or ConcurrencyConflictException)
        {
            return Html("Not published", $"<p class=\"error\" role=\"alert\">{H(ex.Message)} Nothing was changed.</p><p><a href=\"{H(back)}\">Back to the round</a></p>", request, StatusCodes.Status409Conflict);
        }
    }

    [Function("SendReportNoticesAgain")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> SendAgain([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans/{planId}/rounds/{roundId}/notify")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        if (IsCrossSite(request)) return Html("Refused", "<p class=\"error\">This form was sent from another site, so it was refused.</p>", request, StatusCodes.Status403Forbidden);
        try
        {
            await publisher.SendAgainAsync(planId, roundId, config.PublicBaseUrl, ct);
            return SeeOther(Link(request, $"manage/plans/{Seg(planId)}/rounds/{Seg(roundId)}", "done=sent"));
        }
        catch (ReportNotFoundException ex)
        {
            return Html("Not sent", $"<p class=\"error\" role=\"alert\">{H(ex.Message)}</p>", request, StatusCodes.Status404NotFound);
        }
    }
}
