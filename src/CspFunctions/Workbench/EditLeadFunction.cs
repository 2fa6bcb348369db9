using CspFunctions.Access;
using CspFunctions.Chasing;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Workbench.WorkbenchRequests;

namespace CspFunctions.Workbench;

/// <summary>Edit a lead in place (name, deputy, contacts), and mark a bouncing contact fixed.</summary>
public sealed class EditLeadFunction(PlanEditor editor, IPlanStore plans, IContactHealth health)
{
    private const string Route = "manage/plans/{planId}/leads/{leadId}/edit";

    [Function("EditLeadForm")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string planId, string leadId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var stored = await plans.GetAsync(planId, ct);
        var lead = stored?.Plan.FindLead(leadId);
        if (stored is null || lead is null) return NotFound(links, "Lead not found", $"Plan '{planId}' has no lead '{leadId}'.");
        var issues = await health.GetIssuesAsync(lead.Contacts.Select(c => c.Email), ct);
        return Page(stored.Plan, LeadEditPage.For(stored.Plan, lead, issues, request.Query["done"].ToString(), links), links);
    }

    [Function("EditLead")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Save([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string planId, string leadId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var stored = await plans.GetAsync(planId, ct);
        var lead = stored?.Plan.FindLead(leadId);
        if (stored is null || lead is null) return NotFound(links, "Lead not found", $"Plan '{planId}' has no lead '{leadId}'.");
        var issues = await health.GetIssuesAsync(lead.Contacts.Select(c => c.Email), ct);
        var (rows, contacts) = LeadEditPage.Posted(k => Value(form, k), issues);
        var name = Value(form, "name") ?? "";
        var deputy = Value(form, "deputy");
        var outcome = await editor.EditLeadAsync(planId, leadId, Value(form, "version") ?? "", name, deputy, contacts, By(request), ct);
        if (outcome.IsSaved) return SeeOther(PlanHistoryLinks.EditLead(links, planId, leadId) + "?done=saved");
        // What was entered stays; the version becomes theirs, so saving again is a deliberate choice to replace it.
        var page = LeadEditPage.For(stored.Plan, lead, issues, null, links) with
        {
            Name = name, Deputies = LeadEditPage.DeputiesOf(stored.Plan, lead, deputy), Contacts = rows,
            Version = outcome.Theirs is Lead theirs ? PlanEditor.VersionOf(theirs) : Value(form, "version") ?? "",
        };
        return Page(stored.Plan, page.WithOutcome(outcome), links, StatusOf(outcome));
    }

    [Function("MarkBounceFixed")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> BounceFixed([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/bounce-fixed")] HttpRequest request, string planId, string leadId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var outcome = await editor.MarkBounceFixedAsync(planId, leadId, Value(form, "email") ?? "", By(request), ct);
        if (outcome.IsSaved) return SeeOther(PlanHistoryLinks.EditLead(links, planId, leadId) + "?done=fixed");
        var page = MessagePage.Error("Not marked fixed", string.Join(" ", outcome.Errors.Select(e => e.Message + ".")), "Nothing was changed.")
            with { Back = new Crumb("Back to the lead", PlanHistoryLinks.EditLead(links, planId, leadId)) };
        return PageResult.Message(page, StatusOf(outcome), links.Layout("Not marked fixed"));
    }

    private static PageResult Page(Plan plan, LeadEditPage page, ManagerLinks links, int status = StatusCodes.Status200OK) =>
        new(LeadEditPage.Template, page, links.Layout(page.Title, plan, page.HasErrors, new Crumb(plan.Name, links.Plan(plan.Id))), status);
}
