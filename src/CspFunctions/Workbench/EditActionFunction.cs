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

/// <summary>Edit an action in place (text, priority, leads, linked documents, restricted), add one under a new reference,
/// and retire one after a confirmation step.</summary>
public sealed class EditActionFunction(PlanEditor editor, IPlanStore plans)
{
    private const string Route = "manage/plans/{planId}/actions/{number}/edit";
    private const string RetireRoute = "manage/plans/{planId}/actions/{number}/retire";
    private const string AddRoute = "manage/plans/{planId}/new-action";

    [Function("EditActionForm")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string planId, string number, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var stored = await plans.GetAsync(planId, ct);
        var n = NumberOf(number);
        var action = stored?.Plan.Actions.FirstOrDefault(a => a.Number == n);
        if (stored is null || action is null) return Missing(links, stored, planId, n, number);
        return Page(stored.Plan, ActionEditPage.For(stored.Plan, action, request.Query["done"].ToString(), links), links);
    }

    [Function("EditAction")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Save([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string planId, string number, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var stored = await plans.GetAsync(planId, ct);
        var n = NumberOf(number);
        var action = stored?.Plan.Actions.FirstOrDefault(a => a.Number == n);
        if (stored is null || action is null) return Missing(links, stored, planId, n, number);
        var (_, edited, documents) = ActionEditPage.Posted(k => Value(form, k), Values(form, "leads"));
        var outcome = await editor.EditActionAsync(planId, n, Value(form, "version") ?? "", edited, By(request), ct);
        if (outcome.IsSaved) return SeeOther(ActionLinks.Edit(links, planId, n) + "?done=saved");
        // What was entered stays; the version becomes theirs, so saving again is a deliberate choice to replace it.
        var page = ActionEditPage.For(stored.Plan, action, null, links) with { Version = Value(form, "version") ?? "" };
        return Page(stored.Plan, page.Entered(stored.Plan, "", edited, documents).WithOutcome(stored.Plan, outcome), links, StatusOf(outcome));
    }

    [Function("AddActionForm")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> AddForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AddRoute)] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return NotFound(links, "Plan not found", $"There is no plan with id '{planId}'.");
        return Page(stored.Plan, ActionEditPage.New(stored.Plan, links), links);
    }

    [Function("AddAction")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Add([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AddRoute)] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return NotFound(links, "Plan not found", $"There is no plan with id '{planId}'.");
        var (reference, added, documents) = ActionEditPage.Posted(k => Value(form, k), Values(form, "leads"));
        var (outcome, number) = await editor.AddActionAsync(planId, reference, added, By(request), ct);
        if (outcome.IsSaved) return SeeOther(ActionLinks.Edit(links, planId, number) + "?done=added");
        var page = ActionEditPage.New(stored.Plan, links).Entered(stored.Plan, reference, added, documents).WithOutcome(stored.Plan, outcome);
        return Page(stored.Plan, page, links, StatusOf(outcome));
    }

    [Function("RetireActionForm")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> RetireForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RetireRoute)] HttpRequest request, string planId, string number, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var stored = await plans.GetAsync(planId, ct);
        var n = NumberOf(number);
        var action = stored?.Plan.Actions.FirstOrDefault(a => a.Number == n);
        if (stored is null || action is null) return Missing(links, stored, planId, n, number);
        return Retire(stored.Plan, ActionRetirePage.For(stored.Plan, action, links), links);
    }

    [Function("RetireAction")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> RetireSave([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RetireRoute)] HttpRequest request, string planId, string number, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var n = NumberOf(number);
        if (n == 0) return Missing(links, null, planId, n, number);
        var outcome = await editor.RetireActionAsync(planId, n, Value(form, "version") ?? "", By(request), ct);
        if (outcome.IsSaved) return SeeOther(PlanHistoryLinks.Action(links, planId, n) + "?done=retired");
        var stored = await plans.GetAsync(planId, ct);
        // Changed meanwhile: the confirmation again, showing the action as it is now. Gone meanwhile: say so.
        if (stored?.Plan.Actions.FirstOrDefault(a => a.Number == n) is { } now)
            return Retire(stored.Plan, ActionRetirePage.For(stored.Plan, now, links) with { Conflict = outcome.Conflict ?? string.Join(" ", outcome.Errors.Select(e => e.Message + ".")) }, links, StatusOf(outcome));
        var page = MessagePage.Error("Not retired", outcome.Conflict ?? string.Join(" ", outcome.Errors.Select(e => e.Message + ".")), "Nothing was changed.")
            with { Back = new Crumb("The action's page", PlanHistoryLinks.Action(links, planId, n)) };
        return PageResult.Message(page, StatusOf(outcome), links.Layout("Not retired"));
    }

    private static IReadOnlyList<string> Values(IFormCollection form, string key) =>
        form.TryGetValue(key, out var v) ? v.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList() : [];

    /// <summary>The internal number in the route; 0 (no action has it) when it is not one.</summary>
    private static int NumberOf(string number) => int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static PageResult Missing(ManagerLinks links, StoredPlan? stored, string planId, int number, string asGiven) =>
        stored?.Plan.RetiredActions.FirstOrDefault(a => a.Number == number) is { } retired
            ? NotFound(links, "Action retired", $"Action {retired.Ref} was retired; it can no longer be changed. Its page keeps its history.", new Crumb("The action's page", PlanHistoryLinks.Action(links, planId, number)))
            : NotFound(links, "Action not found", $"Plan '{planId}' has no action {asGiven}.");

    private static PageResult Page(Plan plan, ActionEditPage page, ManagerLinks links, int status = StatusCodes.Status200OK) =>
        new(ActionEditPage.Template, page, links.Layout(page.Title, plan, page.HasErrors, new Crumb(plan.Name, links.Plan(plan.Id))), status);

    private static PageResult Retire(Plan plan, ActionRetirePage page, ManagerLinks links, int status = StatusCodes.Status200OK) =>
        new(ActionRetirePage.Template, page, links.Layout(page.Title, plan, page.HasErrors, new Crumb(plan.Name, links.Plan(plan.Id))), status);
}
