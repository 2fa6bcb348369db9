using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>The plan across time: an action's versions in every round, and everything about one lead. One plan read,
/// then one query per round of each source it needs.</summary>
public sealed class PlanHistory(IPlanStore plans, IProgressStore progress, IReminderLog reminders, IInboundLog inbound)
{
    public async Task<ActionHistory?> ActionAsync(string planId, int number, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return null;
        var action = stored.Plan.Actions.FirstOrDefault(a => a.Number == number);
        var retired = action is null;
        action ??= stored.Plan.RetiredActions.FirstOrDefault(a => a.Number == number);
        if (action is null) return null;
        var versions = new List<ProgressUpdate>();
        foreach (var round in stored.Rounds)
            versions.AddRange((await progress.GetRoundAsync(planId, round.Id, ct)).Where(u => u.ActionNumber == number).OrderBy(u => u.Version));
        return new ActionHistory(action, retired, versions);
    }

    public async Task<LeadRecord?> LeadAsync(string planId, string leadId, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        var lead = stored?.Plan.FindLead(leadId);
        if (stored is null || lead is null) return null;
        var actions = stored.Plan.ActionsLedBy(leadId).ToList();
        var numbers = actions.Select(a => a.Number).ToHashSet();
        var sent = new List<ReminderRecord>();
        var rounds = new Dictionary<ReminderRecord, string>();
        var answers = new List<ProgressUpdate>();
        var mail = new List<InboundMessage>();
        foreach (var round in stored.Rounds)
        {
            foreach (var r in (await reminders.GetRoundAsync(planId, round.Id, ct)).Where(r => r.LeadId == leadId))
            {
                sent.Add(r);
                rounds[r] = round.Id;
            }
            answers.AddRange((await progress.GetRoundAsync(planId, round.Id, ct)).Where(u => numbers.Contains(u.ActionNumber)));
            mail.AddRange((await inbound.ListAsync(planId, round.Id, ct)).Where(m => m.LeadId == leadId));
        }
        return new LeadRecord(stored.Plan, lead, actions, stored.Rounds, sent.OrderBy(r => r.At).ToList(),
            answers.OrderBy(u => u.RoundId, StringComparer.Ordinal).ThenBy(u => u.ActionNumber).ThenBy(u => u.Version).ToList(),
            mail.OrderByDescending(m => m.ReceivedAt).ToList()) { ReminderRounds = rounds };
    }
}
