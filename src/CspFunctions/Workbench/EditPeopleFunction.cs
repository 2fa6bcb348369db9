using CspFunctions.Access;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Workbench.WorkbenchRequests;

namespace CspFunctions.Workbench;

/// <summary>The plan's managers and board members, edited in place: who may manage the plan and read its published reports.</summary>
public sealed class EditPeopleFunction(PlanEditor editor, IPlanStore plans)
{
    private const string Route = "manage/plans/{planId}/people";

    [Function("EditPeopleForm")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return NotFound(links, "Plan not found", $"There is no plan with id '{planId}'.");
        return Page(stored.Plan, PeopleEditPage.For(stored.Plan, request.Query["done"].ToString(), links), links);
    }

    [Function("EditPeople")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Save([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return NotFound(links, "Plan not found", $"There is no plan with id '{planId}'.");
        var (managerRows, managers) = PeopleEditPage.Posted(k => Value(form, k), PeopleEditPage.ManagerField, "manager");
        var (boardRows, board) = PeopleEditPage.Posted(k => Value(form, k), PeopleEditPage.BoardField, "board member");
        var outcome = await editor.EditPeopleAsync(planId, Value(form, "version") ?? "", managers, board, By(request), ct, AccessGate.UserOf(request.HttpContext));
        if (outcome.IsSaved) return SeeOther(PlanHistoryLinks.People(links, planId) + "?done=saved");
        // What was entered stays; the version becomes theirs, so saving again is a deliberate choice to replace it.
        var page = PeopleEditPage.For(stored.Plan, null, links) with
        {
            Managers = managerRows, BoardMembers = boardRows,
            Version = outcome.Theirs is PlanPeople theirs ? PlanEditor.VersionOf(theirs) : Value(form, "version") ?? "",
        };
        return Page(stored.Plan, page.WithOutcome(outcome), links, StatusOf(outcome));
    }

    private static PageResult Page(Plan plan, PeopleEditPage page, ManagerLinks links, int status = StatusCodes.Status200OK) =>
        new(PeopleEditPage.Template, page, links.Layout(page.Title, plan, page.HasErrors, new Crumb(plan.Name, links.Plan(plan.Id))), status);
}
