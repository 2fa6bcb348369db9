using CspFunctions.Access;
using CspFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Plans;

/// <summary>The stored plan with its rounds and each action's latest update per round, for the CSP manager.</summary>
public sealed class GetPlanFunction(IPlanStore plans, IProgressStore progress)
{
    [Function("GetPlan")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{planId}")] HttpRequest request, string planId, CancellationToken ct)
    {
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return Problems.Status(StatusCodes.Status404NotFound, $"There is no plan with id '{planId}'.");
        var rounds = new List<object>();
        foreach (var round in stored.Rounds)
        {
            var latest = (await progress.GetRoundAsync(planId, round.Id, ct)).Latest();
            rounds.Add(new { round, updates = latest.Values.OrderBy(u => u.ActionNumber) });
        }
        return new JsonResult(new { plan = stored.Plan, revision = stored.Revision, rounds }, ApiJson.Options);
    }
}
