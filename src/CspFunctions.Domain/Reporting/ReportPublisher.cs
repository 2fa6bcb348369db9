using CspFunctions.Chasing;
using CspFunctions.Messaging;
using CspFunctions.Plans;

namespace CspFunctions.Reporting;

/// <summary>
/// Publishing, in an order that never leaves a report half-published and lets only one request publish: render both
/// snapshots, claim the publication (insert-only: a second request, such as a double click, stops here having changed
/// nothing), store the snapshots (insert-only), then lock the round (the commit point, guarded by its ETag) and leave a
/// board-notice message on the queue. A failure before the commit removes what this request wrote. The notices are sent
/// from the queue under the same claim-before-send log as reminders; a failed notice is recorded on the publication for
/// the manager to send again, and never undoes the publication.
/// </summary>
public sealed class ReportPublisher(
    IPlanStore plans,
    ReportSource source,
    ISnapshotStore snapshots,
    IPublicationStore publications,
    IBoardChannel board,
    IBoardNoticeQueue notices,
    IReminderLog log,
    TimeProvider clock,
    ITeamsNotifier? teams = null)
{
    public const string HtmlFile = "report.html";
    public const string DocxFile = "report.docx";
    /// <summary>Longer than the function timeout: a claim this old belongs to a request that stopped before its commit.</summary>
    public static readonly TimeSpan StaleClaimAfter = TimeSpan.FromMinutes(15);

    /// <summary>Where the published HTML snapshot is served, given the app's public base URL.</summary>
    public static string SnapshotUrl(string baseUrl, string planId, string roundId, string file = HtmlFile) =>
        $"{baseUrl.TrimEnd('/')}/api/reports/{Uri.EscapeDataString(planId)}/{Uri.EscapeDataString(roundId)}/{file}";

    /// <summary>The reminder-log key under which one notice is claimed before it is sent.</summary>
    public static string NoticeKey(NoticeChannel channel) => $"_board|published|{channel.ToString().ToLowerInvariant()}";

    public async Task<PublishOutcome> PublishAsync(string planId, string roundId, string publishedBy, string baseUrl, CancellationToken ct = default)
    {
        var (stored, inputs) = await source.LoadAsync(planId, roundId, ct);
        if (inputs.Round.State == RoundState.Published) throw new RoundAlreadyPublishedException(planId, roundId);

        var publishedAt = clock.GetUtcNow();
        var report = ReportBuilder.Build(inputs with { PublishedAt = publishedAt }, ReportAudience.Board);
        var html = ReportRenderer.Render(report, ReportFormat.Html);
        var docx = ReportRenderer.Render(report, ReportFormat.Docx);
        var url = SnapshotUrl(baseUrl, planId, roundId);
        var publication = new Publication(planId, roundId, publishedAt, publishedBy, BoardCard.Build(report, url).ToJsonString(),
            board.IsConfigured ? NoticeState.Pending : NoticeState.NotConfigured, null,
            MemberRecipients(stored.Plan).Count > 0 && teams is not null ? NoticeState.Pending : NoticeState.NotConfigured, null, 0);

        var claim = await publications.ClaimAsync(publication, publishedAt - StaleClaimAfter, ct);
        if (claim == PublicationClaim.Held)
            throw new ConcurrencyConflictException($"Round {roundId} of plan '{planId}' is being published by another request, or has just been published.");
        var written = new List<string>();
        try
        {
            foreach (var (file, rendered) in new[] { (HtmlFile, html), (DocxFile, docx) })
            {
                await snapshots.SaveAsync(planId, roundId, file, rendered.Content, rendered.ContentType, replace: claim == PublicationClaim.TakenOver, ct);
                written.Add(file);
            }
            await plans.SaveRoundAsync(inputs.Round with { State = RoundState.Published }, stored.RoundETags[roundId], ct);
        }
        catch
        {
            foreach (var file in written) await TryAsync(() => snapshots.DeleteAsync(planId, roundId, file, CancellationToken.None));
            await TryAsync(() => publications.ReleaseAsync(publication, CancellationToken.None));
            throw;
        }

        // Committed. If this request stops before the message is written, the notices stay Pending and the round page
        // offers "send again" once they are stale.
        await notices.EnqueueAsync(new BoardNoticeRequest(planId, roundId, baseUrl), CancellationToken.None);
        return new PublishOutcome(publication, url);
    }

    /// <summary>Sends the notices that are not yet sent (the queue message, or "send again" from the round page).
    /// <paramref name="claimantId"/> is the queue message id, or a fresh id for "send again".</summary>
    public async Task<Publication> SendNoticesAsync(string planId, string roundId, string baseUrl, string claimantId, CancellationToken ct = default)
    {
        var publication = await publications.GetAsync(planId, roundId, ct)
            ?? throw new ReportNotFoundException($"Round {roundId} of plan '{planId}' has not been published.");
        var stored = await plans.GetAsync(planId, ct) ?? throw new ReportNotFoundException($"There is no plan with id '{planId}'.");
        if (stored.FindRound(roundId)?.State != RoundState.Published)
            throw new ReportNotFoundException($"Round {roundId} of plan '{planId}' has not been published.");
        var url = SnapshotUrl(baseUrl, planId, roundId);
        var attempts = publication.NoticeAttempts + 1;
        var recipients = MemberRecipients(stored.Plan);

        var boardState = await SendOneAsync(publication, NoticeChannel.Board, publication.BoardNotice, attempts, claimantId,
            () => board.PostAsync(publication.CardJson, ct), ct);
        var memberState = await SendOneAsync(publication, NoticeChannel.Members, publication.MemberNotice, attempts, claimantId,
            teams is null || recipients.Count == 0 ? null : () => teams.NotifyAsync(new TeamsActivity(recipients, "reportPublished", $"{stored.Plan.Name}: {roundId} report published", url,
                new Dictionary<string, string> { ["planName"] = stored.Plan.Name, ["roundId"] = roundId }), ct), ct);
        return publication with
        {
            BoardNotice = boardState.State, BoardError = boardState.Error, MemberNotice = memberState.State, MemberError = memberState.Error,
            NoticeAttempts = boardState.Tried || memberState.Tried ? attempts : publication.NoticeAttempts,
        };
    }

    /// <summary>"Send again" from the round page.</summary>
    public Task<Publication> SendAgainAsync(string planId, string roundId, string baseUrl, CancellationToken ct = default) =>
        SendNoticesAsync(planId, roundId, baseUrl, "send-again-" + Guid.NewGuid().ToString("N"), ct);

    private sealed record NoticeResult(NoticeState State, string? Error, bool Tried);

    private async Task<NoticeResult> SendOneAsync(Publication publication, NoticeChannel channel, NoticeState state, int attempts, string claimantId, Func<Task>? send, CancellationToken ct)
    {
        var error = channel == NoticeChannel.Board ? publication.BoardError : publication.MemberError;
        if (state is not (NoticeState.Pending or NoticeState.Failed) || send is null) return new(state, error, false);
        var key = NoticeKey(channel);
        switch (await log.ClaimAsync(publication.PlanId, publication.RoundId, key, claimantId, ct))
        {
            case ClaimOutcome.Done:
                // Sent by an earlier delivery that stopped before recording it on the publication.
                await publications.SaveNoticeAsync(publication.PlanId, publication.RoundId, channel, NoticeState.Sent, null, publication.NoticeAttempts, ct);
                return new(NoticeState.Sent, null, false);
            case ClaimOutcome.HeldByAnother or ClaimOutcome.Refused:
                return new(state, error, false);
        }
        try
        {
            await send();
            await log.MarkAsync(publication.PlanId, publication.RoundId, key, ReminderState.Sent, null, ct);
            await publications.SaveNoticeAsync(publication.PlanId, publication.RoundId, channel, NoticeState.Sent, null, attempts, ct);
            return new(NoticeState.Sent, null, true);
        }
        catch (Exception ex) when (ex is MessagingException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Failed, not Refused: "send again" may take the claim over after the manager fixes the cause.
            await log.MarkAsync(publication.PlanId, publication.RoundId, key, ReminderState.Failed, ex.Message, CancellationToken.None);
            await publications.SaveNoticeAsync(publication.PlanId, publication.RoundId, channel, NoticeState.Failed, ex.Message, attempts, CancellationToken.None);
            return new(NoticeState.Failed, ex.Message, true);
        }
    }

    private static async Task TryAsync(Func<Task> undo)
    {
        try { await undo(); }
        catch (Exception ex) when (ex is not OperationCanceledException) { } // best effort: the original failure is what the caller hears
    }

    private static List<string> MemberRecipients(Plan plan) =>
        plan.BoardMembers.Where(m => !string.IsNullOrWhiteSpace(m.TeamsUserId)).Select(m => m.TeamsUserId!).Distinct().ToList();
}
