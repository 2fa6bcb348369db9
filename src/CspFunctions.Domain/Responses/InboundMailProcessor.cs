using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using MimeKit;

namespace CspFunctions.Responses;

/// <summary>
/// Takes one inbound email (the raw MIME message as a seekable stream) to a final, visible state; what the reply means
/// is <see cref="ReplyInterpreter"/>'s decision, and this class does the I/O around it. The message is archived before
/// anything else, then claimed with a lease so that overlapping deliveries of one Message-ID are processed once (a
/// second delivery waits, then answers 5xx); each side effect is recorded on the claim as it is done, so a delivery that
/// takes over one that stopped does only what is left. If anything fails, the exception escapes so the webhook answers
/// 5xx and SendGrid delivers again.
/// </summary>
public sealed class InboundMailProcessor(
    IMailArchive archive, IInboundLog log, IReplyAddressBook addresses, IPlanStore plans, IProgressStore progress,
    IContactPauses pauses, IEvidenceStore evidence, LinkSigner signer, ResponseDesk desk, ResponseMailer mailer,
    ReplyInterpreter interpreter, ResponseOptions options, TimeProvider clock)
{
    public const string UnreadableReason = "The message could not be read as an email";
    private const int MaxReason = StorageLimits.MaxShortTextLength;

    /// <param name="rejectReason">When set (e.g. the webhook signature did not verify), the message is archived and
    /// recorded as Rejected with this reason, and not processed.</param>
    public async Task<InboundMessage> ReceiveAsync(Stream raw, InboundEnvelope envelope, CancellationToken ct = default, string? rejectReason = null)
    {
        var receivedAt = clock.GetUtcNow();
        raw.Position = 0;
        var headers = TryReadHeaders(raw);
        var messageId = NormaliseId(headers?[HeaderId.MessageId]);
        raw.Position = 0;
        var hash = Convert.ToHexStringLower(messageId is null ? await SHA256.HashDataAsync(raw, ct) : SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));
        raw.Position = 0;
        var blob = await archive.ArchiveAsync(raw, hash, receivedAt, ct);

        var received = new InboundMessage(hash, messageId, receivedAt, blob, Clip(headers?[HeaderId.From]), Clip(headers?[HeaderId.Subject]), null, null, null, InboundState.Processing, "Archived; processing.");
        var claim = await ClaimAsync(received, ct);
        if (claim.Outcome == ClaimOutcome.Finished)
        {
            var earlier = claim.Entry;
            var duplicate = received with
            {
                Id = $"{hash}-{receivedAt.UtcTicks}", PlanId = earlier.PlanId, RoundId = earlier.RoundId, LeadId = earlier.LeadId,
                State = InboundState.Duplicate, Reason = $"Delivered again; first received {earlier.ReceivedAt:u} ({earlier.State}).",
            };
            await log.RecordDuplicateAsync(duplicate, ct);
            return duplicate;
        }
        var steps = new InboundSteps(log, claim, () => clock.GetUtcNow() + options.InboundLease);
        try
        {
            if (rejectReason is not null) return await CompleteAsync(steps, received with { State = InboundState.Rejected, Reason = rejectReason }, ct);

            raw.Position = 0;
            MimeMessage message;
            try { message = await new MimeParser(raw, MimeFormat.Entity, persistent: true).ParseMessageAsync(ct); }
            catch (FormatException ex) { return await CompleteAsync(steps, received with { State = InboundState.Rejected, Reason = UnreadableReason + ": " + ex.Message }, ct); }

            var outcome = await ProcessAsync(message, received with { From = Clip(message.From.Mailboxes.FirstOrDefault()?.Address), Subject = Clip(message.Subject) }, envelope, steps, ct);
            return await CompleteAsync(steps, outcome, ct);
        }
        catch (Exception ex) when (ex is not InboundClaimLostException)
        {
            // Let SendGrid's retry take over at once, doing only the steps that are left.
            try { await steps.ReleaseAsync(CancellationToken.None); }
            catch (Exception release) when (release is not OperationCanceledException) { }
            throw;
        }
    }

    /// <summary>Claims the message; while another delivery holds it, waits up to <see cref="ResponseOptions.InboundBusyWait"/>
    /// for it to finish, then gives up with <see cref="InboundBusyException"/> (the webhook answers 5xx and SendGrid retries).</summary>
    private async Task<InboundClaim> ClaimAsync(InboundMessage received, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var now = clock.GetUtcNow();
            var claim = await log.ClaimAsync(received with { ReceivedAt = now }, now + options.InboundLease, ct);
            if (claim.Outcome != ClaimOutcome.Busy) return claim;
            if (waited.Elapsed >= options.InboundBusyWait) throw new InboundBusyException(received.Id);
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private static async Task<InboundMessage> CompleteAsync(InboundSteps steps, InboundMessage message, CancellationToken ct)
    {
        message = message with { Reason = Clip(message.Reason, MaxReason)! };
        await steps.CompleteAsync(message, ct);
        return message;
    }

    private async Task<InboundMessage> ProcessAsync(MimeMessage message, InboundMessage entry, InboundEnvelope envelope, InboundSteps steps, CancellationToken ct)
    {
        var target = await FindTargetAsync(message, envelope.To, ct);
        if (target is null) return entry with { State = InboundState.Rejected, Reason = "Not a reply to one of our reminders: no reply address and no Message-ID of ours in In-Reply-To or References." };
        entry = entry with { PlanId = target.PlanId, RoundId = target.RoundId, LeadId = target.LeadId };

        var stored = await plans.GetAsync(target.PlanId, ct);
        var lead = stored?.Plan.FindLead(target.LeadId);
        var round = stored?.FindRound(target.RoundId);
        if (stored is null || lead is null || round is null) return entry with { State = InboundState.Rejected, Reason = "The plan, round or lead this reply is for no longer exists." };
        var plan = stored.Plan;

        var actions = plan.ActionsLedBy(lead.Id).OrderBy(a => a.Ref, Import.ActionReference.NaturalOrder).ToList();
        var lastQuarter = await LastQuarterAsync(plan, round, ct);
        var decision = interpreter.Interpret(new ReplyInput(message, lead, actions, lastQuarter, envelope.Authentication, entry.ReceivedAt));
        var note = decision.AuthenticationNote is { } n ? " " + n : "";

        switch (decision.Kind)
        {
            case ReplyKind.NotFromContact:
                foreach (var manager in plan.Managers)
                    await steps.OnceAsync("held:" + manager.Email.ToLowerInvariant(), async () =>
                        await mailer.TrySendAsync(ResponseMail.HeldForReview(manager, plan, lead.Name, decision.Sender, message.Subject ?? "", entry.ArchiveBlob, decision.Reason), ct) ? "sent" : "failed", ct);
                // The reply text is kept with the entry so the manager's replies-waiting page shows it without opening the archive.
                var heldText = ReplyText.Extract(MailText.BodyOf(message));
                return entry with
                {
                    State = InboundState.HeldForReview, Reason = decision.Reason,
                    UnassignedText = heldText.Length == 0 ? null : heldText[..Math.Min(heldText.Length, StorageLimits.MaxTextLength - 1000)],
                };
            case ReplyKind.AutoReply when decision.Contact is null:
                return entry with { State = InboundState.AutoReply, Reason = decision.Reason };
            case ReplyKind.AutoReply:
                return await AutoReplyAsync(entry, plan, lead, decision.Contact, decision.ReturnDate, note, steps, ct);
        }

        var contact = decision.Contact!;
        if (round.State != RoundState.Open)
        {
            var manager = plan.Managers.FirstOrDefault();
            await steps.OnceAsync("refused", async () => await mailer.TrySendAsync(ResponseMail.Refused(contact.Email, message.Subject ?? "", $"The {round.Id} round of {plan.Name} has closed, so your reply was not added. " +
                (manager is null ? "Please contact the CSP manager." : $"Please contact {manager.Name} ({manager.Email}).")), ct) ? "sent" : "failed", ct);
            return entry with { State = InboundState.Rejected, Reason = $"The round {round.Id} is {round.State.ToString().ToLowerInvariant()}; the sender was told.{note}" };
        }

        var context = await desk.ContextAsync(ResponseLinks.ClaimsFor(plan, round, lead, contact, options.Grace), plan, round, lead, contact, ct);
        if (decision.Kind == ReplyKind.NothingNew)
        {
            await steps.OnceAsync("refused", async () => await mailer.TrySendAsync(ResponseMail.Refused(contact.Email, message.Subject ?? "", "We received your reply but found no text in it above the quoted reminder, so nothing was added. " +
                $"You can answer in the form instead: {FormUrl(context)}"), ct) ? "sent" : "failed", ct);
            return entry with { State = InboundState.Rejected, Reason = $"The reply had no new text above the quoted history; the sender was told.{note}" };
        }

        var saved = new List<ProgressUpdate>();
        foreach (var update in decision.Updates)
        {
            var version = await steps.OnceAsync("update:" + update.ActionNumber.ToString(CultureInfo.InvariantCulture),
                async () => (await AddAsync(context, update, ct)).Version.ToString(CultureInfo.InvariantCulture), ct);
            saved.Add(await SavedAsync(context, update.ActionNumber, int.Parse(version, CultureInfo.InvariantCulture), ct));
        }

        var kept = new List<string>();
        for (var i = 0; i < decision.Evidence.Count; i++)
        {
            var attachment = decision.Evidence[i];
            kept.Add(await steps.OnceAsync("evidence:" + i.ToString(CultureInfo.InvariantCulture), async () =>
            {
                await using var content = attachment.Content?.Open() ?? Stream.Null;
                var item = await evidence.AddAsync(plan.Id, round.Id, decision.EvidenceAction, attachment.FileName ?? "attachment", attachment.ContentType.MimeType, content, contact.Email,
                    $"{entry.Id[..32]}-{i}", ct);
                return item.BlobName;
            }, ct));
        }

        var needsRealUpdate = decision.Updates.Where(u => u.NoChange == CarryForward.NoPrevious).Select(u => u.ActionNumber).ToList();
        var acknowledged = await steps.OnceAsync("ack", async () =>
            await mailer.TrySendAsync(ResponseMail.Acknowledgement(context, saved, decision.Unassigned, kept.Select(Path.GetFileName).ToList()!, FormUrl(context), needsRealUpdate), ct) ? "sent" : "failed", ct) == "sent";
        var state = decision.Unassigned.Length > 0 || (saved.Count == 0 && kept.Count == 0) ? InboundState.Unassigned : InboundState.Applied;
        var carried = decision.Updates.Where(u => u.NoChange == CarryForward.Carried).Select(u => u.ActionNumber).ToList();
        var reason = (state == InboundState.Applied ? $"Applied to action(s) {string.Join(", ", saved.Select(s => s.ActionNumber))}" : "Part of the reply could not be placed on an action")
                     + (carried.Count > 0 ? $"; \"no change\" carried last quarter's update forward for action(s) {string.Join(", ", carried)}" : "")
                     + (needsRealUpdate.Count > 0 ? $"; action(s) {string.Join(", ", needsRealUpdate)} said \"no change\" but have no earlier update to carry forward, so a real update is needed" : "")
                     + (kept.Count > 0 ? $"; {kept.Count} attachment(s) kept as evidence" : "")
                     + (acknowledged ? "; acknowledgement sent." : "; the acknowledgement could not be sent.")
                     + note;
        return entry with
        {
            State = state, Reason = reason, ActionsUpdated = saved.Select(s => s.ActionNumber).ToList(),
            UnassignedText = decision.Unassigned.Length == 0 ? null : decision.Unassigned[..Math.Min(decision.Unassigned.Length, StorageLimits.MaxTextLength - 1000)],
            Evidence = kept, NeedsRealUpdate = needsRealUpdate,
        };
    }

    private async Task<IReadOnlyDictionary<int, ProgressUpdate>> LastQuarterAsync(Plan plan, ReportingRound round, CancellationToken ct) =>
        FinancialQuarter.TryParseRoundId(round.Id, out var quarter)
            ? (await progress.GetRoundAsync(plan.Id, quarter.Previous.RoundId, ct)).Latest()
            : new Dictionary<int, ProgressUpdate>();

    /// <summary>Adds the update unless the latest version already is this update from this contact by email (a delivery
    /// that stopped after saving it but before recording the step).</summary>
    private async Task<ProgressUpdate> AddAsync(ResponseContext context, ActionReply reply, CancellationToken ct)
    {
        context.Current.TryGetValue(reply.ActionNumber, out var current);
        context.LastQuarter.TryGetValue(reply.ActionNumber, out var last);
        for (var attempt = 0; ; attempt++)
        {
            var basis = current ?? last;
            var update = new ProgressUpdate(context.Plan.Id, context.Round.Id, reply.ActionNumber, (current?.Version ?? 0) + 1,
                reply.Status ?? basis?.Status ?? ProgressStatus.OnTrack, reply.Rag ?? basis?.Rag ?? Rag.Amber, reply.Text,
                context.Contact.Name, context.Contact.Email, clock.GetUtcNow(), UpdateChannel.Email);
            if (current is { Channel: UpdateChannel.Email } && current.Text == update.Text && current.Status == update.Status && current.Rag == update.Rag
                && string.Equals(current.GivenByEmail, update.GivenByEmail, StringComparison.OrdinalIgnoreCase)) return current;
            try { return await progress.AddAsync(update, current?.Version ?? 0, ct); }
            catch (UpdateConflictException ex) when (attempt < 3) { current = ex.Current; }
        }
    }

    private async Task<ProgressUpdate> SavedAsync(ResponseContext context, int action, int version, CancellationToken ct)
    {
        if (context.Current.TryGetValue(action, out var current) && current.Version == version) return current;
        var round = await progress.GetRoundAsync(context.Plan.Id, context.Round.Id, ct);
        return round.First(u => u.ActionNumber == action && u.Version == version);
    }

    private async Task<InboundMessage> AutoReplyAsync(InboundMessage entry, Plan plan, Lead lead, Contact contact, DateOnly? until, string note, InboundSteps steps, CancellationToken ct)
    {
        if (until is { } date)
            await steps.OnceAsync("pause", async () =>
            {
                await pauses.PauseAsync(plan.Id, contact.Email, new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "Out-of-office reply", ct);
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }, ct);
        var deputy = lead.DeputyLeadId is { } id ? plan.FindLead(id) : null;
        var tell = deputy is { Contacts.Count: > 0 }
            ? deputy.Contacts.Select(c => new MailAddressee(c.Name, c.Email))
            : plan.Managers.Select(m => new MailAddressee(m.Name, m.Email));
        foreach (var to in tell)
            await steps.OnceAsync("away:" + to.Email.ToLowerInvariant(), async () => await mailer.TrySendAsync(ResponseMail.Away(to, plan, lead, contact, until), ct) ? "sent" : "failed", ct);
        return entry with
        {
            State = InboundState.AutoReply,
            Reason = (until is { } d ? $"Automatic reply; chasing {contact.Email} paused until {d:d MMMM yyyy}" : "Automatic reply with no return date; chasing not paused")
                     + (deputy is null ? "; the manager was told." : $"; the deputy lead {deputy.Name} was told.") + note,
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

    private static string? Clip(string? s, int max = 500) => s is null ? null : s.Length <= max ? s : s[..max];
}
