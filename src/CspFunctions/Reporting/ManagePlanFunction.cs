using CspFunctions.Access;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Reporting;

/// <summary>One plan: its priorities and rounds, replies waiting for the manager, and the year-end roll-over.</summary>
public sealed class ManagePlanFunction(IPlanStore plans, IProgressStore progress, IHeldReplies heldReplies, TimeProvider clock)
{
    [Function("ManagePlan")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}")] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null)
            return PageResult.Message(MessagePage.Error("Plan not found", $"There is no plan with id '{planId}'."), StatusCodes.Status404NotFound, links.Layout("Plan not found"));
        var answered = new Dictionary<string, int>();
        foreach (var round in stored.Rounds)
            answered[round.Id] = (await progress.GetRoundAsync(planId, round.Id, ct)).Latest().Keys.Count(n => stored.Plan.Actions.Any(a => a.Number == n));
        var page = ManagePlanPage.For(stored, answered, await heldReplies.ListAsync(planId, ct), request.Query["done"].ToString(), links);
        page = page with { Tools = Workbench.PlanToolsPart.For(stored, Chasing.LondonClock.DateOf(clock.GetUtcNow()), links) };
        page = page with { ActionList = Workbench.PlanActionsPart.For(stored.Plan, links) };
        return new PageResult(ManagePlanPage.Template, page, links.Layout(stored.Plan.Name, stored.Plan));
    }
}
