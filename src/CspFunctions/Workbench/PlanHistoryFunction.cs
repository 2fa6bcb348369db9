using System.Text;
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

/// <summary>The plan across time: its audit, an action's page, a lead's page, and the contact list as CSV.</summary>
public sealed class PlanHistoryFunction(PlanHistory history, IPlanAudit audit, IPlanStore plans)
{
    [Function("PlanHistory")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Audit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}/history")] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return NotFound(links, "Plan not found", $"There is no plan with id '{planId}'.");
        return Page(stored.Plan, HistoryPage.Audit(stored.Plan, await audit.ListAsync(planId, ct)), links);
    }

    [Function("ActionHistory")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Action([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}/actions/{number}")] HttpRequest request, string planId, string number, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var stored = await plans.GetAsync(planId, ct);
        var found = stored is null || !int.TryParse(number, out var n) ? null : await history.ActionAsync(planId, n, ct);
        if (stored is null || found is null) return NotFound(links, "Action not found", $"Plan '{planId}' has no action {number}.");
        return Page(stored.Plan, HistoryPage.Action(stored.Plan, found, links, request.Query["done"].ToString()), links);
    }

    [Function("LeadHistory")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Lead([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}/leads/{leadId}")] HttpRequest request, string planId, string leadId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var found = await history.LeadAsync(planId, leadId, ct);
        if (found is null) return NotFound(links, "Lead not found", $"Plan '{planId}' has no lead '{leadId}'.");
        return Page(found.Plan, HistoryPage.Lead(found, links), links);
    }

    [Function("ContactList")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Contacts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}/contacts.csv")] HttpRequest request, string planId, CancellationToken ct)
    {
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return NotFound(new ManagerLinks(), "Plan not found", $"There is no plan with id '{planId}'.");
        return new FileContentResult(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ContactListCsv.Render(stored.Plan))).ToArray(), "text/csv; charset=utf-8")
        {
            FileDownloadName = $"{planId}-contacts.csv",
        };
    }

    private static PageResult Page(Plan plan, HistoryPage page, ManagerLinks links) =>
        new(HistoryPage.Template, page, links.Layout(page.Title, plan, crumbs: new Crumb(plan.Name, links.Plan(plan.Id))));
}
