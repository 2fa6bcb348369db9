using CspFunctions.Access;
using CspFunctions.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Reporting.ManagerPage;

namespace CspFunctions.Reporting;

/// <summary>The manager's start page: every plan, the upload form link, and work that failed every retry.</summary>
public sealed class ManagePlansFunction(IPlanStore plans, IFailedWorkList failedWork)
{
    [Function("ManagePlans")]
    [Access(RouteAccess.AnyPlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage")] HttpRequest request, CancellationToken ct)
    {
        var user = AccessGate.UserOf(request.HttpContext);
        var rows = new List<string>();
        foreach (var id in await plans.ListPlanIdsAsync(ct))
        {
            if (await plans.GetAsync(id, ct) is not { } stored || user is null || !AccessRules.IsManager(user, stored.Plan)) continue;
            var latest = stored.Rounds.LastOrDefault();
            rows.Add($"<tr><th scope=\"row\"><a href=\"{H(Link(request, $"manage/plans/{Seg(id)}"))}\">{H(stored.Plan.Name)}</a></th><td>{H(stored.Plan.FinancialYear)}</td>" +
                     $"<td>{stored.Plan.Actions.Count}</td><td>{(latest is null ? "none yet" : $"{H(latest.Id)} ({H(latest.State)})")}</td></tr>");
        }
        var failed = await failedWork.ListAsync(ct);
        var body = $"""
            <p><a href="{H(Link(request, "manage/upload"))}">Upload a plan</a> (Word, Excel, CSV or JSON).</p>
            {(rows.Count == 0
                ? "<p class=\"notice\">No plans yet. Upload one to start.</p>"
                : $"<table><caption>Plans</caption><thead><tr><th scope=\"col\">Plan</th><th scope=\"col\">Year</th><th scope=\"col\">Actions</th><th scope=\"col\">Latest round</th></tr></thead><tbody>{string.Concat(rows)}</tbody></table>")}
            <h2>Failed messages</h2>
            {(failed.Count == 0
                ? "<p>No message has failed every retry.</p>"
                : $"<table><caption>Messages that failed every retry (poison queue)</caption><thead><tr><th scope=\"col\">Queue</th><th scope=\"col\">Added</th><th scope=\"col\">Attempts</th><th scope=\"col\">Message</th></tr></thead><tbody>" +
                  Rows(failed, f => $"<tr><td>{H(f.Source)}</td><td>{H(f.InsertedAt?.ToString("u"))}</td><td>{f.DequeueCount}</td><td><code>{H(f.Summary)}</code></td></tr>") + "</tbody></table>")}
            """;
        return Html("Plans", body, request);
    }
}
