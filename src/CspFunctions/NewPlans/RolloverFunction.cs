using CspFunctions.Access;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Reporting.ManagerPage;

namespace CspFunctions.NewPlans;

/// <summary>Year-end roll-over from the plan page's form.</summary>
public sealed class RolloverFunction(YearEndRollover rollover)
{
    [Function("RolloverPlan")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans/{planId}/rollover")] HttpRequest request, string planId, CancellationToken ct)
    {
        if (IsCrossSite(request)) return Html("Refused", "<p class=\"error\">This form was sent from another site, so it was refused.</p>", request, StatusCodes.Status403Forbidden);
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        try
        {
            var next = await rollover.StartNextYearAsync(planId, form?["newId"].ToString(), ct);
            return SeeOther(Link(request, $"manage/plans/{Seg(next.Id)}", "done=rolled-over"));
        }
        catch (PlanImportException ex)
        {
            return Html("Roll-over not done", $"<p class=\"error\" role=\"alert\">Nothing was created: {H(string.Join("; ", ex.Problems))}.</p><p><a href=\"{H(Link(request, $"manage/plans/{Seg(planId)}"))}\">Back to the plan</a></p>", request, StatusCodes.Status400BadRequest);
        }
        catch (ConcurrencyConflictException)
        {
            return Html("Roll-over not done", $"<p class=\"error\" role=\"alert\">A plan with that id already exists; nothing was changed. Choose another id.</p><p><a href=\"{H(Link(request, $"manage/plans/{Seg(planId)}"))}\">Back to the plan</a></p>", request, StatusCodes.Status409Conflict);
        }
    }
}
