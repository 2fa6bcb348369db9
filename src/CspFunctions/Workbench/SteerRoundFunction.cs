using System.Globalization;
using CspFunctions.Access;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Workbench.WorkbenchRequests;

namespace CspFunctions.Workbench;

/// <summary>The manager steering a round from its page: extend the due date (round or one lead), close, re-open, chase a
/// lead now; and opening a round now from the plan page. A refused change shows the round page again with the errors.</summary>
public sealed class SteerRoundFunction(RoundSteering steering, RoundOverview overview, TimeProvider clock)
{
    [Function("SteerRound")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Steer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans/{planId}/rounds/{roundId}/steer/{step}")] HttpRequest request,
        string planId, string roundId, string step, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var etag = Value(form, "etag") ?? "";
        var by = By(request);
        var dueText = Value(form, "due-date")?.Trim() ?? "";
        var lead = Value(form, "lead") is { Length: > 0 } l ? l : null;
        WorkbenchOutcome outcome = step switch
        {
            "extend" when dueText.Length > 0 && ParseDate(dueText) is null =>
                WorkbenchOutcome.Refused(new FieldError("due-date", $"'{dueText}' is not a date; enter it as year-month-day, for example 2019-08-05")),
            "extend" => await steering.ExtendAsync(planId, roundId, lead, ParseDate(dueText), etag, by, ct),
            "close" => await steering.CloseAsync(planId, roundId, etag, by, ct),
            "reopen" => await steering.ReopenAsync(planId, roundId, etag, by, ct),
            "chase" => lead is null ? WorkbenchOutcome.Refused(new FieldError("lead", "Choose the lead to chase")) : (await steering.ChaseNowAsync(planId, roundId, lead, by, ct)).Outcome,
            _ => WorkbenchOutcome.Refused(new FieldError("state", $"'{step}' is not a change to a round")),
        };
        if (outcome.IsSaved) return SeeOther(links.Round(planId, roundId, "done=" + step));
        var view = await overview.LoadAsync(planId, roundId, ct);
        if (view is null) return NotFound(links, "Round not found", $"Plan '{planId}' has no round '{roundId}'.");
        var page = ManageRoundPage.Of(view, null, null, null, null, null, links, clock.GetUtcNow());
        page = page with
        {
            Errors = ErrorLink.Of(outcome.Errors.Select(e => e.FieldId == "round" ? e with { FieldId = "state" } : e)),
            Conflict = outcome.Conflict,
            Steer = RoundSteerPart.For(view.Stored, view.Round, links, step == "extend" ? dueText : null, step == "extend" ? lead : null)?.WithErrors(outcome.Errors),
        };
        return new PageResult(ManageRoundPage.Template, page, links.Layout(page.Title, view.Plan, true, new Crumb(view.Plan.Name, links.Plan(planId))), StatusOf(outcome));
    }

    [Function("OpenRound")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Open([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans/{planId}/open-round")] HttpRequest request, string planId, CancellationToken ct)
    {
        var links = new ManagerLinks();
        var form = await FormAsync(request, ct);
        var roundId = Value(form, "round")?.Trim() ?? "";
        var dueText = Value(form, "due-date")?.Trim() ?? "";
        var outcome = dueText.Length > 0 && ParseDate(dueText) is null
            ? WorkbenchOutcome.Refused(new FieldError("due-date", $"'{dueText}' is not a date; enter it as year-month-day"))
            : await steering.OpenNowAsync(planId, roundId, ParseDate(dueText), By(request), ct);
        if (outcome.IsSaved) return SeeOther(links.Round(planId, roundId, "done=opened"));
        var text = outcome.Conflict ?? string.Join(" ", outcome.Errors.Select(e => e.Message + "."));
        var page = MessagePage.Error("Round not opened", "Nothing was changed.", text) with { Back = new Crumb("Back to the plan", links.Plan(planId)) };
        return PageResult.Message(page, StatusOf(outcome), links.Layout("Round not opened"));
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
