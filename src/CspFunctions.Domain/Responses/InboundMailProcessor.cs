using System.Security.Cryptography;
using System.Text;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using MimeKit;

namespace CspFunctions.Responses;

/// <summary>
/// Takes one inbound email (the raw MIME message as a seekable stream) to a final, visible state. The message is
/// archived before anything else; if anything fails after that, the exception escapes so the webhook answers 5xx and
/// SendGrid delivers again, and the half-finished entry is processed afresh.
/// </summary>
public sealed class InboundMailProcessor(
    IMailArchive archive, IInboundLog log, IReplyAddressBook addresses, IPlanStore plans, IProgressStore progress,
    IContactPauses pauses, IEvidenceStore evidence, LinkSigner signer, ResponseDesk desk, ResponseMailer mailer,
    ResponseOptions options, TimeProvider clock)
{
    public const string UnreadableReason = "The message could not be read as an email";

    /// <param name="rejectReason">When set (e.g. the webhook signature did not verify), the message is archived and
    /// recorded as Rejected with this reason, and not processed.</param>
    public async Task<InboundMessage> ReceiveAsync(Stream raw, IReadOnlyList<string> envelopeTo, CancellationToken ct = default, string? rejectReason = null)
    {
        var receivedAt = clock.GetUtcNow();
        raw.Position = 0;
        var headers = TryReadHeaders(raw);
        var messageId = NormaliseId(headers?[HeaderId.MessageId]);
        raw.Position = 0;
        var hash = Convert.ToHexStringLower(messageId is null ? await SHA256.HashDataAsync(raw, ct) : SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));
        raw.Position = 0;
        var blob = await archive.ArchiveAsync(raw, hash, receivedAt, ct);

        var received = new InboundMessage(hash, messageId, receivedAt, blob, Clip(headers?[HeaderId.From]), Clip(headers?[HeaderId.Subject]), null, null, null, InboundState.Received, "Archived; processing.");
        var earlier = await log.TryClaimAsync(received, ct);
        if (earlier is not null)
        {
            var duplicate = received with
            {
                Id = $"{hash}-{receivedAt.UtcTicks}", PlanId = earlier.PlanId, RoundId = earlier.RoundId, LeadId = earlier.LeadId,
                State = InboundState.Duplicate, Reason = $"Delivered again; first received {earlier.ReceivedAt:u} ({earlier.State}).",
            };
            await log.RecordDuplicateAsync(duplicate, ct);
            return duplicate;
        }

        if (rejectReason is not null) return await CompleteAsync(received with { State = InboundState.Rejected, Reason = rejectReason }, ct);

        raw.Position = 0;
        MimeMessage message;
        try { message = await new MimeParser(raw, MimeFormat.Entity, persistent: true).ParseMessageAsync(ct); }
        catch (FormatException ex) { return await CompleteAsync(received with { State = InboundState.Rejected, Reason = UnreadableReason + ": " + ex.Message }, ct); }

        var outcome = await ProcessAsync(message, received with { From = Clip(message.From.Mailboxes.FirstOrDefault()?.Address), Subject = Clip(message.Subject) }, envelopeTo, ct);
        return await CompleteAsync(outcome, ct);
    }

    private async Task<InboundMessage> CompleteAsync(InboundMessage message, CancellationToken ct)
    {
        await log.CompleteAsync(message, ct);
        return message;
    }

    private async Task<InboundMessage> ProcessAsync(MimeMessage message, InboundMessage entry, IReadOnlyList<string> envelopeTo, CancellationToken ct)
    {
        var target = await FindTargetAsync(message, envelopeTo, ct);
        if (target is null) return entry with { State = InboundState.Rejected, Reason = "Not a reply to one of our reminders: no reply address and no Message-ID of ours in In-Reply-To or References." };
        entry = entry with { PlanId = target.PlanId, RoundId = target.RoundId, LeadId = target.LeadId };

        var stored = await plans.GetAsync(target.PlanId, ct);
        var lead = stored?.Plan.FindLead(target.LeadId);
        var round = stored?.FindRound(target.RoundId);
        if (stored is null || lead is null || round is null) return entry with { State = InboundState.Rejected, Reason = "The plan, round or lead this reply is for no longer exists." };
        var plan = stored.Plan;

        var sender = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var contact = lead.Contacts.FirstOrDefault(c => c.Email.Equals(sender, StringComparison.OrdinalIgnoreCase));
        var isAutoReply = AutoReply.IsAutoReply(message);
        if (contact is null)
        {
            if (isAutoReply) return entry with { State = InboundState.AutoReply, Reason = $"Automatic reply from {sender}, who is not a contact of {lead.Name}; ignored." };
            foreach (var manager in plan.Managers)
                await mailer.TrySendAsync(ResponseMail.HeldForReview(manager, plan, lead.Name, sender, message.Subject ?? "", entry.ArchiveBlob), ct);
            return entry with { State = InboundState.HeldForReview, Reason = $"The sender {sender} is not a contact of {lead.Name}. Held for the manager; the sender was told nothing." };
        }

        var body = MailText.BodyOf(message);
        if (isAutoReply) return await AutoReplyAsync(entry, plan, lead, contact, message.Subject + "\n" + body, ct);

        if (round.State != RoundState.Open)
        {
            var manager = plan.Managers.FirstOrDefault();
            await mailer.TrySendAsync(ResponseMail.Refused(contact.Email, message.Subject ?? "", $"The {round.Id} round of {plan.Name} has closed, so your reply was not added. " +
                (manager is null ? "Please contact the CSP manager." : $"Please contact {manager.Name} ({manager.Email}).")), ct);
            return entry with { State = InboundState.Rejected, Reason = $"The round {round.Id} is {round.State.ToString().ToLowerInvariant()}; the sender was told." };
        }

        var reply = ReplyText.Extract(body);
        var context = await desk.ContextAsync(ResponseLinks.ClaimsFor(plan, round, lead, contact, options.Grace), plan, round, lead, contact, ct);
        var split = ReplySections.Split(reply, context.Actions.Select(a => a.Number).ToList());
        var placeable = split.Sections.Where(s => s.Text.Length <= options.MaxProgressText).ToList();
        var unassigned = string.Join("\n\n", split.Sections.Except(placeable).Select(s => $"Action {s.ActionNumber}: {s.Text}").Prepend(split.Unassigned).Where(t => t.Length > 0));

        var saved = new List<ProgressUpdate>();
        foreach (var section in placeable) saved.Add(await AddAsync(context, section, ct));

        var evidenceAction = saved.Count == 1 ? saved[0].ActionNumber : context.Actions.Count == 1 ? context.Actions[0].Number : 0;
        var kept = new List<string>();
        foreach (var attachment in message.Attachments.OfType<MimePart>())
        {
            await using var content = attachment.Content?.Open() ?? Stream.Null;
            var item = await evidence.AddAsync(plan.Id, round.Id, evidenceAction, attachment.FileName ?? "attachment", attachment.ContentType.MimeType, content, contact.Email, ct);
            kept.Add(item.BlobName);
        }

        if (saved.Count == 0 && unassigned.Length == 0 && kept.Count == 0)
        {
            await mailer.TrySendAsync(ResponseMail.Refused(contact.Email, message.Subject ?? "", "We received your reply but found no text in it above the quoted reminder, so nothing was added. " +
                $"You can answer in the form instead: {FormUrl(context)}"), ct);
            return entry with { State = InboundState.Rejected, Reason = "The reply had no new text above the quoted history; the sender was told." };
        }

        var acknowledged = await mailer.TrySendAsync(ResponseMail.Acknowledgement(context, saved, unassigned, kept.Select(Path.GetFileName).ToList()!, FormUrl(context)), ct);
        var state = unassigned.Length > 0 || (saved.Count == 0 && kept.Count == 0) ? InboundState.Unassigned : InboundState.Applied;
        var reason = (state == InboundState.Applied ? $"Applied to action(s) {string.Join(", ", saved.Select(s => s.ActionNumber))}" : "Part of the reply could not be placed on an action")
                     + (kept.Count > 0 ? $"; {kept.Count} attachment(s) kept as evidence" : "")
                     + (acknowledged ? "; acknowledgement sent." : "; the acknowledgement could not be sent.");
        return entry with
        {
            State = state, Reason = reason, ActionsUpdated = saved.Select(s => s.ActionNumber).ToList(),
            UnassignedText = unassigned.Length == 0 ? null : unassigned[..Math.Min(unassigned.Length, StorageLimits.MaxTextLength - 1000)],
            Evidence = kept,
        };
    }

    private async Task<ProgressUpdate> AddAsync(ResponseContext context, ReplySection section, CancellationToken ct)
    {
        context.Current.TryGetValue(section.ActionNumber, out var current);
        context.LastQuarter.TryGetValue(section.ActionNumber, out var last);
        for (var attempt = 0; ; attempt++)
        {
            var basis = current ?? last;
            var update = new ProgressUpdate(context.Plan.Id, context.Round.Id, section.ActionNumber, (current?.Version ?? 0) + 1,
                section.Status ?? basis?.Status ?? ProgressStatus.OnTrack, section.Rag ?? basis?.Rag ?? Rag.Amber, section.Text,
                context.Contact.Name, context.Contact.Email, clock.GetUtcNow(), UpdateChannel.Email);
            try { return await progress.AddAsync(update, current?.Version ?? 0, ct); }
            catch (UpdateConflictException ex) when (attempt < 3) { current = ex.Current; }
        }
    }

    private async Task<InboundMessage> AutoReplyAsync(InboundMessage entry, Plan plan, Lead lead, Contact contact, string text, CancellationToken ct)
    {
        var until = AutoReply.ReturnDate(text, entry.ReceivedAt);
        if (until is { } date)
            await pauses.PauseAsync(plan.Id, contact.Email, new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "Out-of-office reply", ct);
        var deputy = lead.DeputyLeadId is { } id ? plan.FindLead(id) : null;
        var tell = deputy is { Contacts.Count: > 0 }
            ? deputy.Contacts.Select(c => new MailAddressee(c.Name, c.Email))
            : plan.Managers.Select(m => new MailAddressee(m.Name, m.Email));
        foreach (var to in tell) await mailer.TrySendAsync(ResponseMail.Away(to, plan, lead, contact, until), ct);
        return entry with
        {
            State = InboundState.AutoReply,
            Reason = (until is { } d ? $"Automatic reply; chasing {contact.Email} paused until {d:d MMMM yyyy}" : "Automatic reply with no return date; chasing not paused")
                     + (deputy is null ? "; the manager was told." : $"; the deputy lead {deputy.Name} was told."),
        };
    }

    private async Task<ReplyTarget?> FindTargetAsync(MimeMessage message, IReadOnlyList<string> envelopeTo, CancellationToken ct)
    {
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.ReplyTo.Mailboxes).Select(m => m.Address)
            .Concat(envelopeTo)
            .Concat(new[] { "Delivered-To", "X-Original-To", "X-Forwarded-To" }.Select(h => message.Headers[h] ?? "").Where(v => v.Length > 0));
        if (ReplyAddress.FindKey(recipients, options.InboundDomain) is { } key && await addresses.FindAsync(key, ct) is { } byAddress)
            return byAddress;
        var ids = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo) ids.Add(inReplyTo);
        ids.AddRange(message.References.Reverse());
        foreach (var id in ids.Take(20))
            if (await addresses.FindByMessageIdAsync(id, ct) is { } byId) return byId;
        return null;
    }

    private string FormUrl(ResponseContext context) => ResponseLinks.FormUrl(options.PublicBaseUrl, signer.Create(context.Claims));

    private static HeaderList? TryReadHeaders(Stream raw)
    {
        try { return HeaderList.Load(raw); }
        catch (FormatException) { return null; }
    }

    public static string? NormaliseId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var trimmed = id.Trim().TrimStart('<').TrimEnd('>').Trim();
        return trimmed.Length is 0 or > 500 ? null : trimmed;
    }

    private static string? Clip(string? s) => s is null ? null : s.Length <= 500 ? s : s[..500];
}
