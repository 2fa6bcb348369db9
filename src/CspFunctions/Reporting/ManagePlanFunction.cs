using CspFunctions.Access;
using CspFunctions.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Reporting.ManagerPage;

namespace CspFunctions.Reporting;

/// <summary>One plan: its priorities and rounds, replies waiting for the manager, and the year-end roll-over.</summary>
public sealed class ManagePlanFunction(IPlanStore plans, IProgressStore progress, IHeldReplies heldReplies)
{
    [Function("ManagePlan")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}")] HttpRequest request, string planId, CancellationToken ct)
    {
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return Html("Plan not found", $"<p class=\"error\">There is no plan with id '{H(planId)}'.</p>", request, StatusCodes.Status404NotFound);
        var plan = stored.Plan;
        var roundRows = new List<string>();
        foreach (var round in stored.Rounds.Reverse())
        {
            var answered = (await progress.GetRoundAsync(planId, round.Id, ct)).Latest().Keys.Count(n => plan.Actions.Any(a => a.Number == n));
            roundRows.Add($"<tr><th scope=\"row\"><a href=\"{H(Link(request, $"manage/plans/{Seg(planId)}/rounds/{Seg(round.Id)}"))}\">{H(round.Id)}</a></th>" +
                          $"<td>{H(round.State)}</td><td>{round.DueDate:d MMMM yyyy}</td><td>{answered} of {plan.Actions.Count}</td></tr>");
        }
        var held = await heldReplies.ListAsync(planId, ct);
        var done = request.Query["done"].ToString() == "rolled-over" ? "<p class=\"ok\" role=\"status\">Next year's plan was created from this one.</p>" : "";
        var body = $"""
            {done}
            <p>{plan.Priorities.Count} priorities, {plan.Actions.Count} actions, {plan.Leads.Count} partnership leads. Financial year {H(plan.FinancialYear)}.</p>
            <table><caption>Priorities</caption><thead><tr><th scope="col">Priority</th><th scope="col">Actions</th><th scope="col">Restricted</th></tr></thead><tbody>
            {Rows(plan.Priorities, p => $"<tr><th scope=\"row\">{H(p.Title)}</th><td>{plan.ActionsIn(p).Count()}</td><td>{plan.ActionsIn(p).Count(a => a.Restricted)}</td></tr>")}
            </tbody></table>
            <h2>Rounds</h2>
            {(roundRows.Count == 0 ? "<p>No round has been opened yet.</p>" :
              $"<table><caption>Reporting rounds, latest first</caption><thead><tr><th scope=\"col\">Round</th><th scope=\"col\">State</th><th scope=\"col\">Due</th><th scope=\"col\">Updates received</th></tr></thead><tbody>{string.Concat(roundRows)}</tbody></table>")}
            <h2>Replies waiting for you</h2>
            {(held.Count == 0 ? "<p>No unassigned or held replies.</p>" :
              "<table><caption>Replies that did not reach a progress field</caption><thead><tr><th scope=\"col\">From</th><th scope=\"col\">Subject</th><th scope=\"col\">Received</th><th scope=\"col\">Why held</th></tr></thead><tbody>" +
              Rows(held, r => $"<tr><td>{H(r.From)}</td><td>{H(r.Subject)}</td><td>{H(r.ReceivedAt.ToString("u"))}</td><td>{H(r.Reason)}</td></tr>") + "</tbody></table>")}
            <h2>Year-end roll-over</h2>
            <p>Start {H(new FinancialYear(plan.FinancialYearStart + 1))}'s plan from this one: the priorities and leads stay, and every action not reported Complete in the latest round is carried forward, remembering where it came from.</p>
            <form method="post" action="{H(Link(request, $"manage/plans/{Seg(planId)}/rollover"))}">
            <label for="newId">New plan id</label>
            <p class="hint" id="newId-hint">Lower-case letters, digits and hyphens.</p>
            <input type="text" id="newId" name="newId" aria-describedby="newId-hint" value="{H(PlanRollover.NextYear(plan, new Dictionary<int, Progress.ProgressUpdate>()).Id)}">
            <button type="submit">Create next year's plan</button>
            </form>
            """;
        return Html(plan.Name, body, request);
    }
}
