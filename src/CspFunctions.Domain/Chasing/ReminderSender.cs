using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Chasing;

/// <summary>
/// Sends one queued reminder. It re-checks who still owes what (a lead who answered since the sweep is not chased),
/// claims the reminder-log entry, sends one message per contact listing every owed action, and marks the entry.
/// A permanent refusal is recorded for the manager; a transient failure is marked Failed and rethrown so the
/// queue retries (and parks the message in the poison queue after five tries).
/// </summary>
public sealed class ReminderSender(IPlanStore plans, IProgressStore progress, IReminderLog log, IMailSender mail, ITeamsNotifier teams, ReminderLinks links,
    IReplyAddressBook replyAddresses, IContactPauses pauses, TimeProvider clock)
{
    public async Task<ReminderOutcome> HandleAsync(ReminderRequest request, string claimantId, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(request.PlanId, ct);
        var round = stored?.FindRound(request.RoundId);
        var lead = stored?.Plan.FindLead(request.LeadId);
        if (stored is null || round is null || lead is null || round.State != RoundState.Open || !ChaseStageKey.TryParse(request.StageId, out var stage))
        {
            await log.MarkAsync(request.PlanId, request.RoundId, request.LogKey, ReminderState.Skipped, "plan, round or lead no longer open", ct);
            return ReminderOutcome.NotNeeded;
        }

        var latest = (await progress.GetRoundAsync(request.PlanId, request.RoundId, ct)).Latest();
        var warnings = new List<ChaseWarning>();
        var chase = ChasePlanner.ChaseNow(stored.Plan, lead.Id, stage, latest, warnings);
        if (warnings.Count > 0) await log.RecordWarningsAsync(request.PlanId, request.RoundId, warnings, ct);
        if (chase is not null)
        {
            // Contacts whose out-of-office reply said they are away are not chased until they are back.
            var now = clock.GetUtcNow();
            var paused = (await pauses.GetPausesAsync(request.PlanId, ct)).Where(p => p.Until > now).Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var available = chase.Recipients.Where(c => !paused.Contains(c.Email)).ToList();
            chase = available.Count == 0 ? null : chase with { Recipients = available };
        }
        if (chase is null)
        {
            await log.MarkAsync(request.PlanId, request.RoundId, request.LogKey, ReminderState.Skipped, "nothing owed, or no valid contact", ct);
            return ReminderOutcome.NotNeeded;
        }

        var claim = await log.ClaimAsync(request.PlanId, request.RoundId, request.LogKey, claimantId, ct);
        if (claim == ClaimOutcome.Done) return ReminderOutcome.AlreadyDone;
        if (claim == ClaimOutcome.HeldByAnother) return ReminderOutcome.HeldByAnother;

        try
        {
            if (request.Channel == ReminderChannel.Teams) await SendTeamsAsync(stored.Plan, round, lead, chase, ct);
            else await SendEmailAsync(stored.Plan, round, lead, chase, ct);
            await log.MarkAsync(request.PlanId, request.RoundId, request.LogKey, ReminderState.Sent, null, ct);
            return ReminderOutcome.Sent;
        }
        catch (MessagingException ex)
        {
            await log.MarkAsync(request.PlanId, request.RoundId, request.LogKey, ReminderState.Refused, ex.Message, ct);
            await log.RecordWarningsAsync(request.PlanId, request.RoundId, [new ChaseWarning(lead.Id, $"{request.StageId} {request.Channel} was refused: {ex.Message}")], ct);
            return ReminderOutcome.Refused;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await log.MarkAsync(request.PlanId, request.RoundId, request.LogKey, ReminderState.Failed, ex.GetType().Name + ": " + ex.Message, CancellationToken.None);
            throw;
        }
    }

    private async Task SendEmailAsync(Plan plan, ReportingRound round, Lead lead, LeadChase chase, CancellationToken ct)
    {
        var previous = round.Quarter.Previous;
        var previousUpdates = (await progress.GetRoundAsync(plan.Id, previous.RoundId, ct)).Latest();
        var replyKey = links.ReplyKey(round, lead.Id);
        var replyTo = links.ReplyTo(round, lead.Id);
        await replyAddresses.RegisterAsync(replyKey, plan.Id, round.Id, lead.Id, ct);
        for (var i = 0; i < chase.Recipients.Count; i++)
        {
            var contact = chase.Recipients[i];
            // The escalation copies go on the first contact's message only, so managers get one copy.
            var copyTo = i == 0 ? chase.CopyTo : [];
            var messageId = links.MessageId(round, lead.Id, chase.Stage.Id);
            await replyAddresses.RegisterMessageIdAsync(messageId, plan.Id, round.Id, lead.Id, ct);
            await mail.SendAsync(ReminderComposer.Reminder(plan, round, lead, chase, contact, copyTo, previousUpdates,
                ReminderComposer.RoundName(round with { Id = previous.RoundId }), links.FormUrl(round, lead.Id, contact), replyTo, messageId), ct);
        }
    }

    private Task SendTeamsAsync(Plan plan, ReportingRound round, Lead lead, LeadChase chase, CancellationToken ct)
    {
        var withTeams = chase.Recipients.Where(c => c.TeamsUserId is not null).ToList();
        if (withTeams.Count == 0) return Task.CompletedTask;
        return teams.NotifyAsync(ReminderComposer.Teams(plan, round, lead, chase.Stage, withTeams.Select(c => c.TeamsUserId!).ToList(),
            links.FormUrl(round, lead.Id, withTeams[0])), ct);
    }
}
