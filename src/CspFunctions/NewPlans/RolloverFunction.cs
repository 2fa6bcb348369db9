using CspFunctions.Access;
using CspFunctions.Import;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.NewPlans;

/// <summary>Year-end roll-over from the plan page's form.</summary>
public sealed class RolloverFunction(YearEndRollover rollover)
{
    [Function("RolloverPlan")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans/{planId}/rollover")] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var back = new Crumb("Back to the plan", links.Plan(planId));
        try
        {
            var next = await rollover.StartNextYearAsync(planId, form?["newId"].ToString(), ct);
            return new RedirectResult(links.Plan(next.Id, "done=rolled-over"));
        }
        catch (PlanImportException ex)
        {
            var page = MessagePage.Error("Roll-over not done", $"Nothing was created: {string.Join("; ", ex.Problems)}.") with { Back = back };
            return PageResult.Message(page, StatusCodes.Status400BadRequest, links.Layout("Roll-over not done"));
        }
        catch (ConcurrencyConflictException)
        {
            var page = MessagePage.Error("Roll-over not done", "A plan with that id already exists; nothing was changed. Choose another id.") with { Back = back };
            return PageResult.Message(page, StatusCodes.Status409Conflict, links.Layout("Roll-over not done"));
        }
    }
}
