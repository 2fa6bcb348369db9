using CspFunctions.Access;
using CspFunctions.Pages;
using CspFunctions.Templating;
using CspFunctions.Workbench;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Reporting;

/// <summary>One round: who has answered (per lead: actions, answered, reminders, bounces), the actions filtered by status,
/// RAG, answered and lead, the controls that steer the round, generate and preview the report, publish it, and the board
/// notices with "send again".</summary>
public sealed class ManageRoundFunction(RoundOverview overview, TimeProvider clock)
{
    [Function("ManageRound")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}/rounds/{roundId}")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var view = await overview.LoadAsync(planId, roundId, ct);
        if (view is null)
            return PageResult.Message(MessagePage.Error("Round not found", $"Plan '{planId}' has no round '{roundId}'."), StatusCodes.Status404NotFound, links.Layout("Round not found"));
        var q = request.Query;
        var page = ManageRoundPage.Of(view, q["done"].ToString(), q["status"].ToString(), q["rag"].ToString(), q["answered"].ToString(), q["lead"].ToString(), links, clock.GetUtcNow());
        return new PageResult(ManageRoundPage.Template, page, links.Layout(page.Title, view.Plan, page.HasErrors, new Crumb(view.Plan.Name, links.Plan(planId))));
    }
}
