using CspFunctions.Access;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Reporting.ManagerPage;

namespace CspFunctions.Reporting;

/// <summary>One round: who has answered (per lead: actions, answered, reminders, bounces), generate and preview the report,
/// publish it, and the board notices with "send again".</summary>
public sealed class ManageRoundFunction(ReportSource source, IContactHealth contactHealth, IPublicationStore publications, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["published"] = "The report was published and the round is locked.",
        ["sent"] = "The notices were sent again.",
    };

    [Function("ManageRound")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans/{planId}/rounds/{roundId}")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        (StoredPlan Stored, ReportInputs Inputs) loaded;
        try { loaded = await source.LoadAsync(planId, roundId, ct); }
        catch (ReportNotFoundException ex) { return Html("Round not found", $"<p class=\"error\">{H(ex.Message)}</p>", request, StatusCodes.Status404NotFound); }
        var (stored, inputs) = loaded;
        var plan = stored.Plan;
        var issues = await contactHealth.GetIssuesAsync(plan.Leads.SelectMany(l => l.Contacts).Select(c => c.Email), ct);
        var status = RoundStatus.Of(plan, inputs.Updates, inputs.Chases, issues);
        var publication = inputs.Round.State == RoundState.Published ? await publications.GetAsync(planId, roundId, ct) : null;
        var report = ReportBuilder.Build(inputs, ReportAudience.Manager);
        var planPath = $"manage/plans/{Seg(planId)}";
        var roundPath = $"{planPath}/rounds/{Seg(roundId)}";
        var reportPath = $"plans/{Seg(planId)}/rounds/{Seg(roundId)}/report";
        var message = Messages.TryGetValue(request.Query["done"].ToString(), out var m) ? $"<p class=\"ok\" role=\"status\">{H(m)}</p>" : "";

        var leadRows = Rows(status, s =>
            $"<tr><th scope=\"row\">{H(s.LeadName)}</th><td>{H(string.Join(", ", s.Actions))}</td><td>{(s.Outstanding.Count == 0 ? "All answered" : "Outstanding: " + H(string.Join(", ", s.Outstanding)))}</td>" +
            $"<td>{s.RemindersSent}{(s.LastReminder is { } lr ? $" (last {lr:d MMM yyyy})" : "")}</td><td>{(s.Bounces.Count == 0 ? "None" : H(string.Join("; ", s.Bounces.Select(b => $"{b.Email}: {b.Kind} {b.At:d MMM yyyy}"))))}</td></tr>");

        string publishSection;
        if (publication is null && inputs.Round.State != RoundState.Published)
        {
            publishSection = $"""
                <h2>Publish</h2>
                <p>Publishing stores the board version (HTML and Word) as it is now, locks the round, and tells the board in Teams.
                Updates that arrive later are kept and shown as received after publication.</p>
                <form method="post" action="{H(Link(request, roundPath + "/publish"))}"><button type="submit">Publish to the board</button></form>
                """;
        }
        else if (publication is null)
        {
            publishSection = "<h2>Published</h2><p>This round is published.</p>";
        }
        else
        {
            var snapshot = $"reports/{Seg(planId)}/{Seg(roundId)}/";
            // Failed, or still not sent long after publishing (the queue message was lost).
            var failed = publication.CanSendAgain(clock.GetUtcNow());
            publishSection = $"""
                <h2>Published</h2>
                <p>Published {publication.PublishedAt:d MMMM yyyy HH:mm} UTC by {H(publication.PublishedBy)}. Snapshot:
                <a href="{H(Link(request, snapshot + ReportPublisher.HtmlFile))}">web page</a>,
                <a href="{H(Link(request, snapshot + ReportPublisher.DocxFile))}">Word document</a>.</p>
                <table><caption>Board notices</caption><thead><tr><th scope="col">Notice</th><th scope="col">State</th><th scope="col">Problem</th></tr></thead><tbody>
                <tr><th scope="row">Board channel (Teams Workflows)</th><td>{H(Describe(publication.BoardNotice))}</td><td>{H(publication.BoardError ?? "")}</td></tr>
                <tr><th scope="row">Board members (Teams activity feed)</th><td>{H(Describe(publication.MemberNotice))}</td><td>{H(publication.MemberError ?? "")}</td></tr>
                </tbody></table>
                {(failed ? $"<p class=\"error\" role=\"alert\">A notice failed or has not gone out ({publication.NoticeAttempts} attempt(s) so far).</p><form method=\"post\" action=\"{H(Link(request, roundPath + "/notify"))}\"><button type=\"submit\">Send again</button></form>" : "")}
                """;
        }

        var body = $"""
            {message}
            <p>{H(report.PeriodLabel)}. Due {inputs.Round.DueDate:d MMMM yyyy}. State: {H(inputs.Round.State)}.</p>
            <p><strong>{report.Overall.Received} of {report.Overall.Actions}</strong> actions have an update; {report.Overall.Outstanding} outstanding.</p>
            <table><caption>Partnership leads</caption><thead><tr><th scope="col">Lead</th><th scope="col">Actions</th><th scope="col">Answered</th><th scope="col">Reminders sent</th><th scope="col">Bounces</th></tr></thead>
            <tbody>{leadRows}</tbody></table>
            <h2>Generate and check the report</h2>
            <form method="get" action="{H("/api/" + reportPath)}">
            {(request.Query["code"].ToString() is { Length: > 0 } code ? $"<input type=\"hidden\" name=\"code\" value=\"{H(code)}\">" : "")}
            <label for="audience">Version</label>
            <select id="audience" name="audience"><option value="manager">Manager's version (restricted actions marked)</option><option value="board">Board version</option></select>
            <label for="format">Format</label>
            <select id="format" name="format"><option value="html">Web page (preview)</option><option value="docx">Word</option><option value="csv">CSV</option><option value="md">Markdown</option></select>
            <button type="submit">Generate</button>
            </form>
            {publishSection}
            """;
        return Html($"{plan.Name}: {roundId}", body, request, crumbs: [(plan.Name, Link(request, planPath))]);
    }

    private static string Describe(NoticeState state) => state switch
    {
        NoticeState.NotConfigured => "Not configured",
        NoticeState.Pending => "Not sent yet",
        NoticeState.Sent => "Sent",
        NoticeState.Failed => "Failed",
        _ => state.ToString(),
    };
}
