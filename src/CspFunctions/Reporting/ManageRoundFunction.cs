using CspFunctions.Access;
using CspFunctions.Chasing;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Reporting;

/// <summary>One round: who has answered (per lead: actions, answered, reminders, bounces), generate and preview the report,
/// publish it, and the board notices with "send again".</summary>
public sealed class ManageRoundFunction(ReportSource source, IContactHealth contactHealth, IPublicationStore publications, TimeProvider clock)
{
    [Function("ManageRound")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}/rounds/{roundId}")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        (StoredPlan Stored, ReportInputs Inputs) loaded;
        try { loaded = await source.LoadAsync(planId, roundId, ct); }
        catch (ReportNotFoundException ex) { return PageResult.Message(MessagePage.Error("Round not found", ex.Message), StatusCodes.Status404NotFound, links.Layout("Round not found")); }
        var (stored, inputs) = loaded;
        var plan = stored.Plan;
        var issues = await contactHealth.GetIssuesAsync(plan.Leads.SelectMany(l => l.Contacts).Select(c => c.Email), ct);
        var status = RoundStatus.Of(plan, inputs.Updates, inputs.Chases, issues);
        var publication = inputs.Round.State == RoundState.Published ? await publications.GetAsync(planId, roundId, ct) : null;
        var report = ReportBuilder.Build(inputs, ReportAudience.Manager);
        var page = ManageRoundPage.For(plan, inputs.Round, report, status, publication, request.Query["done"].ToString(), links, clock.GetUtcNow());
        return new PageResult(ManageRoundPage.Template, page, links.Layout(page.Title, plan, crumbs: new Crumb(plan.Name, links.Plan(planId))));
    }
}
