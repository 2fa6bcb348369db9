using CspFunctions.Messaging;
using CspFunctions.Plans;

namespace CspFunctions.Reporting;

/// <summary>
/// Publishing, in an order that never leaves a report half-published: render both snapshots, store them, record the
/// publication, then lock the round (the commit point, guarded by its ETag). Only then is the board told; a failed
/// notice is recorded on the publication for the manager to send again, and never undoes the publication.
/// </summary>
public sealed class ReportPublisher(
    IPlanStore plans,
    ReportSource source,
    ISnapshotStore snapshots,
    IPublicationStore publications,
    IBoardChannel board,
    TimeProvider clock,
    ITeamsNotifier? teams = null)
{
    public const string HtmlFile = "report.html";
    public const string DocxFile = "report.docx";

    /// <summary>Where the published HTML snapshot is served, given the app's public base URL.</summary>
    public static string SnapshotUrl(string baseUrl, string planId, string roundId, string file = HtmlFile) =>
        $"{baseUrl.TrimEnd('/')}/api/reports/{Uri.EscapeDataString(planId)}/{Uri.EscapeDataString(roundId)}/{file}";

    public async Task<PublishOutcome> PublishAsync(string planId, string roundId, string publishedBy, string baseUrl, CancellationToken ct = default)
    {
        var (stored, inputs) = await source.LoadAsync(planId, roundId, ct);
        if (inputs.Round.State == RoundState.Published) throw new RoundAlreadyPublishedException(planId, roundId);

        var publishedAt = clock.GetUtcNow();
        var report = ReportBuilder.Build(inputs with { PublishedAt = publishedAt }, ReportAudience.Board);
        var html = ReportRenderer.Render(report, ReportFormat.Html);
        var docx = ReportRenderer.Render(report, ReportFormat.Docx);
        var url = SnapshotUrl(baseUrl, planId, roundId);

        await snapshots.SaveAsync(planId, roundId, HtmlFile, html.Content, html.ContentType, ct);
        await snapshots.SaveAsync(planId, roundId, DocxFile, docx.Content, docx.ContentType, ct);
        var publication = new Publication(planId, roundId, publishedAt, publishedBy, BoardCard.Build(report, url).ToJsonString(),
            board.IsConfigured ? NoticeState.Pending : NoticeState.NotConfigured, null,
            MemberRecipients(stored.Plan).Count > 0 && teams is not null ? NoticeState.Pending : NoticeState.NotConfigured, null, 0);
        await publications.SaveAsync(publication, ct);
        await plans.SaveRoundAsync(inputs.Round with { State = RoundState.Published }, stored.RoundETags[roundId], ct);

        return new PublishOutcome(await NotifyAsync(publication, stored.Plan, url, ct), url);
    }

    /// <summary>Sends the notices that are not yet sent ("send again" from the round page).</summary>
    public async Task<Publication> SendAgainAsync(string planId, string roundId, string baseUrl, CancellationToken ct = default)
    {
        var publication = await publications.GetAsync(planId, roundId, ct)
            ?? throw new ReportNotFoundException($"Round {roundId} of plan '{planId}' has not been published.");
        var stored = await plans.GetAsync(planId, ct) ?? throw new ReportNotFoundException($"There is no plan with id '{planId}'.");
        return await NotifyAsync(publication, stored.Plan, SnapshotUrl(baseUrl, planId, roundId), ct);
    }

    private async Task<Publication> NotifyAsync(Publication publication, Plan plan, string url, CancellationToken ct)
    {
        var result = publication with { NoticeAttempts = publication.NoticeAttempts + 1 };
        if (result.BoardNotice is NoticeState.Pending or NoticeState.Failed)
        {
            try
            {
                await board.PostAsync(result.CardJson, ct);
                result = result with { BoardNotice = NoticeState.Sent, BoardError = null };
            }
            catch (Exception ex) when (ex is MessagingException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                result = result with { BoardNotice = NoticeState.Failed, BoardError = ex.Message };
            }
        }
        var recipients = MemberRecipients(plan);
        if (result.MemberNotice is NoticeState.Pending or NoticeState.Failed && teams is not null && recipients.Count > 0)
        {
            try
            {
                await teams.NotifyAsync(new TeamsActivity(recipients, "reportPublished", $"{plan.Name}: {publication.RoundId} report published", url,
                    new Dictionary<string, string> { ["planName"] = plan.Name, ["roundId"] = publication.RoundId }), ct);
                result = result with { MemberNotice = NoticeState.Sent, MemberError = null };
            }
            catch (Exception ex) when (ex is MessagingException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                result = result with { MemberNotice = NoticeState.Failed, MemberError = ex.Message };
            }
        }
        await publications.SaveAsync(result, ct);
        return result;
    }

    private static List<string> MemberRecipients(Plan plan) =>
        plan.BoardMembers.Where(m => !string.IsNullOrWhiteSpace(m.TeamsUserId)).Select(m => m.TeamsUserId!).Distinct().ToList();
}
