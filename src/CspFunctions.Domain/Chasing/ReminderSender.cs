using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Chasing;

/// <summary>
/// Sends one queued reminder (a lead, stage and channel). It re-checks who still owes what (a lead who answered since the
/// sweep is not chased), then sends each contact their own message, with their own signed link, under a claim of its
/// own in the reminder log: a contact already sent is not sent again when the message is retried, and one contact's
/// refusal does not stop the others. A permanent refusal is recorded for that contact and shown to the manager; a
/// transient failure is marked Failed and rethrown after the other contacts are done, so the queue retries only what
/// is left (and parks the message in the poison queue after five tries). The lead's summary entry, which the sweep
/// reads, is marked once every contact is settled.
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

        var recipients = request.Channel == ReminderChannel.Teams ? chase.Recipients.Where(c => c.TeamsUserId is not null).ToList() : chase.Recipients.ToList();
        if (recipients.Count == 0)
        {
            await log.MarkAsync(request.PlanId, request.RoundId, request.LogKey, ReminderState.Skipped, "no contact on this channel", ct);
            return ReminderOutcome.NotNeeded;
        }

        var email = request.Channel == ReminderChannel.Email ? await PrepareEmailAsync(stored.Plan, round, lead, ct) : null;
        // Escalation copies go once, with the first contact's message that is sent.
        var copiesPending = chase.CopyTo.Count > 0;
        int sent = 0, done = 0, refused = 0, held = 0;
        Exception? transient = null;
        foreach (var contact in recipients)
        {
            var key = ReminderLogKey.ForContact(request.LogKey, contact.Email);
            switch (await log.ClaimAsync(request.PlanId, request.RoundId, key, claimantId, ct))
            {
                case ClaimOutcome.Done: done++; copiesPending = false; continue;
                case ClaimOutcome.Refused: refused++; continue;
                case ClaimOutcome.HeldByAnother: held++; continue;
            }
            try
            {
                if (email is not null) await SendEmailAsync(stored.Plan, round, lead, chase, contact, copiesPending ? chase.CopyTo : [], email, ct);
                else await teams.NotifyAsync(ReminderComposer.Teams(stored.Plan, round, lead, chase.Stage, contact, links.FormUrl(round, lead.Id, contact)), ct);
                await log.MarkAsync(request.PlanId, request.RoundId, key, ReminderState.Sent, null, ct);
                sent++;
                copiesPending = false;
            }
            catch (MessagingException ex)
            {
                await log.MarkAsync(request.PlanId, request.RoundId, key, ReminderState.Refused, ex.Message, ct);
                await log.RecordWarningsAsync(request.PlanId, request.RoundId,
                    [new ChaseWarning(lead.Id, $"contact {contact.Name} <{contact.Email}>: {request.StageId} {request.Channel} was refused: {ex.Message}")], ct);
                refused++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await log.MarkAsync(request.PlanId, request.RoundId, key, ReminderState.Failed, ex.GetType().Name + ": " + ex.Message, CancellationToken.None);
                transient ??= ex;
            }
        }

        if (transient is not null)
        {
            await log.MarkAsync(request.PlanId, request.RoundId, request.LogKey, ReminderState.Failed, "a contact's send failed; retried: " + transient.Message, CancellationToken.None);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(transient);
        }
        // While another message still holds a contact, that message finishes the summary.
        if (held == 0)
            await log.MarkAsync(request.PlanId, request.RoundId, request.LogKey, sent + done > 0 ? ReminderState.Sent : ReminderState.Refused,
                refused > 0 ? $"{refused} of {recipients.Count} contact(s) refused" : null, ct);
        return sent > 0 ? ReminderOutcome.Sent
            : held > 0 ? ReminderOutcome.HeldByAnother
            : done > 0 ? ReminderOutcome.AlreadyDone
            : ReminderOutcome.Refused;
    }

    private sealed record EmailParts(IReadOnlyDictionary<int, ProgressUpdate> PreviousUpdates, string PreviousRoundName, string ReplyTo);

    private async Task<EmailParts> PrepareEmailAsync(Plan plan, ReportingRound round, Lead lead, CancellationToken ct)
    {
        var previous = round.Quarter.Previous;
        var previousUpdates = (await progress.GetRoundAsync(plan.Id, previous.RoundId, ct)).Latest();
        await replyAddresses.RegisterAsync(links.ReplyKey(round, lead.Id), plan.Id, round.Id, lead.Id, ct);
        return new EmailParts(previousUpdates, ReminderComposer.RoundName(round with { Id = previous.RoundId }), links.ReplyTo(round, lead.Id));
    }

    private async Task SendEmailAsync(Plan plan, ReportingRound round, Lead lead, LeadChase chase, Contact contact, IReadOnlyList<Contact> copyTo, EmailParts parts, CancellationToken ct)
    {
        var messageId = links.MessageId(round, lead.Id, chase.Stage.Id);
        await replyAddresses.RegisterMessageIdAsync(messageId, plan.Id, round.Id, lead.Id, ct);
        await mail.SendAsync(ReminderComposer.Reminder(plan, round, lead, chase, contact, copyTo, parts.PreviousUpdates, parts.PreviousRoundName,
            links.FormUrl(round, lead.Id, contact), parts.ReplyTo, messageId), ct);
    }
}
