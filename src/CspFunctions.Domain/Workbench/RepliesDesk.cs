using CspFunctions.Chasing;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>
/// The replies-waiting list and the four decisions about a reply: place it on actions, accept a held sender as a
/// contact and apply, discard it with a reason, or hand it to the lead's form. A decision is recorded on the message.
/// The list also holds "no change" replies with nothing to carry forward (stored, so chasing stopped, but not an update
/// the board can use): they leave it when placed (a real update) or discarded with a reason.
/// Updates are written in one transaction before the decision is recorded, so a failure never records a decision
/// whose updates are missing; if two managers decide at once both sets of updates stay in the history.
/// </summary>
public sealed class RepliesDesk(IPlanStore plans, IProgressStore progress, IWaitingReplies waiting, PlanEditor editor, TimeProvider clock,
    IReminderLog log, IMailSender mail, ReminderLinks links, IReplyAddressBook replyAddresses)
{
    public const int MaxReasonLength = 500;

    /// <summary>The plan and every waiting reply of all its rounds, newest first (one plan read, one query per round).</summary>
    public async Task<(StoredPlan Plan, IReadOnlyList<WaitingReply> Replies)?> ListAsync(string planId, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return null;
        return (stored, await waiting.ListAsync(planId, stored.Rounds.Select(r => r.Id).ToList(), ct));
    }

    public async Task<WorkbenchOutcome> PlaceAsync(string planId, string roundId, string key, IReadOnlyList<ReplyPlacement> placements, string by, CancellationToken ct = default)
    {
        var (problem, stored, reply, lead) = await LoadAsync(planId, roundId, key, ct);
        if (problem is not null) return problem;
        var errors = new List<FieldError>();
        var updates = await PlacementCheck.BuildAsync(progress, stored!.Plan, roundId, lead!, placements, errors,
            (p, version) => new ProgressUpdate(planId, roundId, p.ActionNumber, version, p.Status, p.Rag, p.Text, SenderName(lead!, reply!.From), reply.From, reply.ReceivedAt, UpdateChannel.Email), ct);
        if (updates.Conflict is not null) return updates.Conflict;
        if (errors.Count > 0) return WorkbenchOutcome.Refused(errors);
        try { await progress.AddAllAsync(updates.Updates, ct); }
        catch (UpdateConflictException ex) { return WorkbenchOutcome.Conflicted(ex.Message + " Nothing was saved.", ex.Current); }
        var numbers = updates.Updates.Select(u => u.ActionNumber).ToList();
        return await RecordAsync(reply!, InboundState.Applied, null, new(ReplyHandlingKind.Placed, by, clock.GetUtcNow(), $"Placed on action(s) {string.Join(", ", numbers)}", numbers), ct);
    }

    /// <summary>Adds the held sender to the lead's contacts and applies the reply as if they had been one: numbered
    /// sections go to their actions, the rest waits as an unplaced reply.</summary>
    public async Task<WorkbenchOutcome> AcceptSenderAsync(string planId, string roundId, string key, string contactName, string by, CancellationToken ct = default)
    {
        var (problem, stored, reply, lead) = await LoadAsync(planId, roundId, key, ct);
        if (problem is not null) return problem;
        if (reply!.State != InboundState.HeldForReview) return WorkbenchOutcome.Refused(new FieldError("contact-name", "Only a reply held because of its sender can be accepted"));
        contactName = (contactName ?? "").Trim();
        if (contactName.Length is 0 or > 200) return WorkbenchOutcome.Refused(new FieldError("contact-name", "Enter the new contact's name (200 characters or fewer)"));
        if (reply.From is null || !Import.PlanValidator.IsValidEmail(reply.From))
            return WorkbenchOutcome.Refused(new FieldError("contact-name", $"The sender's address '{reply.From}' cannot be used as a contact's email"));

        var split = ReplySections.Split(reply.Text ?? "", stored!.Plan.ActionsLedBy(lead!.Id));
        var placeable = split.Sections.Where(s => s.Text.Length <= StorageLimits.MaxTextLength).ToList();
        var left = string.Join("\n\n", split.Sections.Except(placeable).Select(s => $"Action {stored.Plan.RefOf(s.ActionNumber)}: {s.Text}").Prepend(split.Unassigned).Where(t => t.Length > 0));
        var latest = (await progress.GetRoundAsync(planId, roundId, ct)).Latest();
        var updates = placeable.Select(s =>
        {
            latest.TryGetValue(s.ActionNumber, out var current);
            return new ProgressUpdate(planId, roundId, s.ActionNumber, (current?.Version ?? 0) + 1, s.Status ?? current?.Status ?? ProgressStatus.OnTrack,
                s.Rag ?? current?.Rag ?? Rag.Amber, s.Text, contactName, reply.From, reply.ReceivedAt, UpdateChannel.Email);
        }).ToList();

        var added = await editor.AddContactAsync(planId, lead.Id, new Contact(contactName, reply.From), by, ct);
        if (!added.IsSaved) return added;
        try { await progress.AddAllAsync(updates, ct); }
        catch (UpdateConflictException ex) { return WorkbenchOutcome.Conflicted(ex.Message + $" {contactName} was added as a contact; the reply still waits.", ex.Current); }
        var numbers = updates.Select(u => u.ActionNumber).ToList();
        var note = $"Added {contactName} <{reply.From}> as a contact of {lead.Name}" + (numbers.Count > 0 ? $"; applied to action(s) {string.Join(", ", numbers)}" : "");
        return await RecordAsync(reply, left.Length > 0 ? InboundState.Unassigned : InboundState.Applied, left.Length > 0 ? left : null,
            new(ReplyHandlingKind.SenderAccepted, by, clock.GetUtcNow(), note, numbers), ct);
    }

    public async Task<WorkbenchOutcome> DiscardAsync(string planId, string roundId, string key, string reason, string by, CancellationToken ct = default)
    {
        var (problem, _, reply, _) = await LoadAsync(planId, roundId, key, ct, needLead: false);
        if (problem is not null) return problem;
        reason = (reason ?? "").Trim();
        if (reason.Length == 0) return WorkbenchOutcome.Refused(new FieldError("reason", "Say why the reply is discarded"));
        if (reason.Length > MaxReasonLength) return WorkbenchOutcome.Refused(new FieldError("reason", $"The reason must be {MaxReasonLength} characters or fewer"));
        // A "no change" reply keeps its state: its updates are stored, and discarding it only takes it off the list.
        var state = reply!.IsNoChangeWithoutPrevious ? reply.State : InboundState.Rejected;
        return await RecordAsync(reply, state, reply.Text, new(ReplyHandlingKind.Discarded, by, clock.GetUtcNow(), reason, []), ct);
    }

    /// <summary>Hands the reply to the lead: its text waits on their form (their form shows unplaced replies from their lead),
    /// each contact of the lead is e-mailed the text with their own form link, and it leaves the manager's list.
    /// Each contact's mail is claimed in the round's reminder log first, under a key made from the reply, so a
    /// double-click, two managers at once or a retry after a failure never mails anyone twice; a mail that failed is
    /// sent on the next try and the reply keeps waiting until every contact is settled.</summary>
    public async Task<WorkbenchOutcome> ForwardAsync(string planId, string roundId, string key, string by, CancellationToken ct = default)
    {
        var (problem, stored, reply, lead) = await LoadAsync(planId, roundId, key, ct);
        if (problem is not null) return problem;
        if (reply!.IsNoChangeWithoutPrevious) return WorkbenchOutcome.Refused(new FieldError("forward", "The sender was already asked for a real update; record it when it comes, or discard this with a reason"));
        if (string.IsNullOrWhiteSpace(reply.Text)) return WorkbenchOutcome.Refused(new FieldError("forward", "The reply has no text to show on the lead's form"));
        var contacts = lead!.Contacts.Where(c => Import.PlanValidator.IsValidEmail(c.Email)).ToList();
        if (contacts.Count == 0) return WorkbenchOutcome.Refused(new FieldError("forward", $"{lead.Name} has no contact with a valid email address to forward it to; edit the lead first"));

        var round = stored!.FindRound(roundId)!;
        var leadKey = ForwardLogKey(lead.Id, reply.Key);
        var claimant = Guid.NewGuid().ToString("N");
        await replyAddresses.RegisterAsync(links.ReplyKey(round, lead.Id), planId, roundId, lead.Id, ct);
        int sent = 0, held = 0;
        var refused = new List<string>();
        foreach (var contact in contacts)
        {
            var contactKey = ReminderLogKey.ForContact(leadKey, contact.Email);
            switch (await log.ClaimAsync(planId, roundId, contactKey, claimant, ct))
            {
                case Chasing.ClaimOutcome.Done: continue;
                case Chasing.ClaimOutcome.Refused: refused.Add(contact.Email); continue;
                case Chasing.ClaimOutcome.HeldByAnother: held++; continue;
            }
            try
            {
                await mail.SendAsync(ForwardedReplyMail.Compose(stored.Plan, round, lead, reply, contact, by, links.FormUrl(round, lead.Id, contact), links.ReplyTo(round, lead.Id)), ct);
                await log.MarkAsync(planId, roundId, contactKey, ReminderState.Sent, "forwarded reply by " + by, ct);
                sent++;
            }
            catch (MessagingException ex)
            {
                await log.MarkAsync(planId, roundId, contactKey, ReminderState.Refused, ex.Message, ct);
                refused.Add(contact.Email);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await log.MarkAsync(planId, roundId, contactKey, ReminderState.Failed, ex.GetType().Name + ": " + ex.Message, CancellationToken.None);
                return WorkbenchOutcome.Refused(new FieldError("forward", $"The mail to {contact.Email} could not be sent ({ex.Message}); the reply still waits. Try again: nobody already mailed is mailed twice"));
            }
        }
        if (held > 0) return WorkbenchOutcome.Conflicted("Someone else is forwarding this reply right now; nothing more was sent.", reply);
        if (refused.Count == contacts.Count) return WorkbenchOutcome.Refused(new FieldError("forward", $"The mail provider refused every address of {lead.Name} ({string.Join(", ", refused)}); fix the lead's contacts first"));
        var note = $"Shown on {lead.Name}'s form and emailed to {string.Join(", ", contacts.Select(c => c.Email).Except(refused, StringComparer.OrdinalIgnoreCase))}"
            + (refused.Count > 0 ? $" (refused: {string.Join(", ", refused)})" : "");
        return await RecordAsync(reply, InboundState.Unassigned, reply.Text, new(ReplyHandlingKind.Forwarded, by, clock.GetUtcNow(), note, []), ct);
    }

    /// <summary>The reminder-log key of a reply's forward to a lead ("{lead}|forward-{hash of the reply's key}|email"); each
    /// contact's send is claimed under it with <see cref="ReminderLogKey.ForContact"/>. It is no chase stage, so the sweep
    /// and the report's "chased on" never count it.</summary>
    public static string ForwardLogKey(string leadId, string replyKey) =>
        $"{leadId}|forward-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(replyKey)))[..16]}|{ReminderChannel.Email}";

    private async Task<WorkbenchOutcome> RecordAsync(WaitingReply reply, InboundState state, string? left, ReplyHandling handling, CancellationToken ct)
    {
        try { await waiting.RecordAsync(reply, state, left, handling, ct); }
        catch (ConcurrencyConflictException ex) { return WorkbenchOutcome.Conflicted(ex.Message, await waiting.GetAsync(reply.PlanId, reply.RoundId, reply.Key, ct)); }
        return WorkbenchOutcome.Saved;
    }

    private async Task<(WorkbenchOutcome? Problem, StoredPlan? Plan, WaitingReply? Reply, Lead? Lead)> LoadAsync(string planId, string roundId, string key, CancellationToken ct, bool needLead = true)
    {
        var stored = await plans.GetAsync(planId, ct);
        var reply = stored?.FindRound(roundId) is null ? null : await waiting.GetAsync(planId, roundId, key, ct);
        if (stored is null || reply is null) return (WorkbenchOutcome.Refused(new FieldError("reply", "That reply is not in this plan's inbound log")), null, null, null);
        if (!reply.IsWaiting) return (WorkbenchOutcome.Conflicted("This reply has been dealt with already; nothing was changed.", reply), stored, reply, null);
        var lead = reply.LeadId is null ? null : stored.Plan.FindLead(reply.LeadId);
        if (needLead && lead is null) return (WorkbenchOutcome.Refused(new FieldError("reply", $"The reply's lead '{reply.LeadId}' is no longer in the plan; discard it or edit the plan")), stored, reply, null);
        return (null, stored, reply, lead);
    }

    private static string SenderName(Lead lead, string? from) =>
        lead.Contacts.FirstOrDefault(c => c.Email.Equals(from, StringComparison.OrdinalIgnoreCase))?.Name ?? from ?? "unknown sender";
}
