using CspFunctions.Access;
using CspFunctions.Chasing;
using CspFunctions.Http;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Chasing;

/// <summary>For the CSP manager: per lead, what is owed, which reminders went out (per stage and channel, and per contact
/// with each contact's state), bounces, and the sweep's warnings.</summary>
public sealed class ChasingStatusFunction(IPlanStore plans, IProgressStore progress, IReminderLog log, TableContactHealth contacts)
{
    [Function("ChasingStatus")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{planId}/rounds/{roundId}/chasing")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        var stored = await plans.GetAsync(planId, ct);
        var round = stored?.FindRound(roundId);
        if (stored is null || round is null) return Problems.Status(StatusCodes.Status404NotFound, $"There is no round '{roundId}' in plan '{planId}'.");
        var latest = (await progress.GetRoundAsync(planId, roundId, ct)).Latest();
        var reminders = await log.GetRoundAsync(planId, roundId, ct);
        var bounces = await contacts.GetAsync(planId, ct);
        var leads = stored.Plan.Leads.Select(lead =>
        {
            var actions = stored.Plan.ActionsLedBy(lead.Id).Select(a => a.Number).ToList();
            var emails = lead.Contacts.Select(c => c.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new
            {
                lead.Id, lead.Name,
                Owed = actions.Where(n => !latest.ContainsKey(n)).ToList(),
                Answered = actions.Where(latest.ContainsKey).ToList(),
                Reminders = reminders.Where(r => r.LeadId == lead.Id && r.Contact is null).OrderBy(r => r.At).Select(r => new { r.StageId, r.Channel, r.State, r.At, r.Detail }),
                // Each contact is sent, refused or failed on their own: the manager sees who was not reached and why.
                Contacts = lead.Contacts.Select(c => new
                {
                    c.Name, c.Email,
                    Reminders = reminders.Where(r => r.LeadId == lead.Id && string.Equals(r.Contact, c.Email, StringComparison.OrdinalIgnoreCase))
                        .OrderBy(r => r.At).Select(r => new { r.StageId, r.Channel, r.State, r.At, r.Detail }),
                }),
                Bounces = bounces.Where(b => emails.Contains(b.Email)).Select(b => new { b.Email, b.Kind, b.Reason, b.At }),
            };
        });
        return new JsonResult(new
        {
            round,
            Timeline = ChaseSchedule.Timeline(round, ChasingPolicy.Default).Select(t => new { Stage = t.Stage.Id, t.Date }),
            Leads = leads,
            Warnings = (await log.GetWarningsAsync(planId, roundId, ct)).Select(w => w.ToString()),
        }, ApiJson.Options);
    }
}
