using System.Globalization;
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

/// <summary>Record an update on a lead's behalf: the form, and saving it.</summary>
public sealed class RecordUpdateFunction(UpdateRecorder recorder, IPlanStore plans, IProgressStore progress, TimeProvider clock)
{
    private const string Route = "manage/plans/{planId}/rounds/{roundId}/leads/{leadId}/record";

    [Function("RecordUpdateForm")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string planId, string roundId, string leadId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var (stored, round, lead) = await LoadAsync(planId, roundId, leadId, ct);
        if (stored is null || round is null || lead is null) return NotFound(links, "Not found", "That plan, round or lead does not exist.");
        var latest = (await progress.GetRoundAsync(planId, roundId, ct)).Latest();
        return Page(stored, round, RecordUpdatePage.For(stored.Plan, round, lead, latest, LondonClock.DateOf(clock.GetUtcNow()), links), links);
    }

    [Function("RecordUpdate")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Save([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string planId, string roundId, string leadId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var (stored, round, lead) = await LoadAsync(planId, roundId, leadId, ct);
        if (stored is null || round is null || lead is null) return NotFound(links, "Not found", "That plan, round or lead does not exist.");
        var latest = (await progress.GetRoundAsync(planId, roundId, ct)).Latest();
        var posted = ActionEntries.Posted(stored.Plan, lead, latest, k => Value(form, k));
        var givenOnText = Value(form, "given-on")?.Trim() ?? "";
        DateOnly? givenOn = DateOnly.TryParseExact(givenOnText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var how = Value(form, "given-how") ?? "";
        var page = RecordUpdatePage.For(stored.Plan, round, lead, latest, LondonClock.DateOf(clock.GetUtcNow()), links) with
        {
            GivenBy = Value(form, "given-by") ?? "", GivenOn = givenOnText, Ways = RecordUpdatePage.WaysWith(how), Actions = posted.Entries,
        };
        // With an action's status or RAG not understood nothing may be saved: the recorder gets no actions (so it refuses)
        // and still checks the other fields, so that every error shows at once.
        var outcome = await recorder.RecordAsync(planId, roundId, leadId, posted.Errors.Count > 0 ? [] : posted.Placements, page.GivenBy, givenOn, how, By(request), ct);
        if (givenOn is null && givenOnText.Length > 0 && outcome.Errors.FirstOrDefault(e => e.FieldId == "given-on") is { } dateError)
            outcome = outcome with { Errors = outcome.Errors.Select(e => e == dateError ? e with { Message = $"'{givenOnText}' is not a date; enter it as year-month-day, for example 2019-07-15" } : e).ToList() };
        if (posted.Errors.Count > 0) outcome = WorkbenchOutcome.Refused([.. posted.Errors, .. outcome.Errors.Where(e => e.FieldId != "actions")]);
        if (outcome.IsSaved) return SeeOther(links.Round(planId, roundId, "done=recorded"));
        return Page(stored, round, page.WithOutcome(outcome), links, StatusOf(outcome));
    }

    private async Task<(StoredPlan? Stored, ReportingRound? Round, Lead? Lead)> LoadAsync(string planId, string roundId, string leadId, CancellationToken ct)
    {
        var stored = await plans.GetAsync(planId, ct);
        return (stored, stored?.FindRound(roundId), stored?.Plan.FindLead(leadId));
    }

    private static PageResult Page(StoredPlan stored, ReportingRound round, RecordUpdatePage page, ManagerLinks links, int status = StatusCodes.Status200OK) =>
        new(RecordUpdatePage.Template, page, links.Layout(page.Title, stored.Plan, page.HasErrors || page.Conflict is not null,
            new Crumb(stored.Plan.Name, links.Plan(stored.Plan.Id)), new Crumb(round.Id, links.Round(stored.Plan.Id, round.Id))), status);
}
