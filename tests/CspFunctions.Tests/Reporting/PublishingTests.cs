using System.Text.Json;
using CspFunctions.Import;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CspFunctions.Tests.Reporting;

/// <summary>Publishing on Azurite, with the board's Teams Workflows webhook as a WireMock stub.</summary>
[Collection(StorageCollection.Name)]
public sealed class PublishingTests(StorageFixture storage) : IDisposable
{
    private const string Plan = "luton-2018-19";
    private const string Round = "2018-19-Q4";
    private readonly WireMockServer _hook = WireMockServer.Start();
    private readonly RecordingTeamsNotifier _teams = new();

    public void Dispose() => _hook.Stop();

    private async Task<ServiceProvider> StartAsync(bool withWebhook = true, Action<IServiceCollection>? more = null, bool boardMembers = true)
    {
        var services = storage.Services(s =>
        {
            s.AddSingleton(new BoardWebhookRetry(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50)));
            s.AddSingleton<ITeamsNotifier>(_teams);
            more?.Invoke(s);
        }, withWebhook ? new Dictionary<string, string?> { ["Csp:Board:WorkflowWebhookUrl"] = _hook.Url + "/workflows/board" } : null);
        var sample = storage.LoadSample();
        if (boardMembers) sample.BoardMembers = [new ContactDocument { Name = "Board Chair", Email = "chair@example.org", TeamsUserId = "00000000-0000-0000-0000-0000000000c1" }];
        await services.GetRequiredService<PlanImporter>().ImportAsync(sample);
        return services;
    }

    /// <summary>Publishes, then runs the board-notice queue function for the message written at the commit.</summary>
    private static async Task<Publication> PublishAndNotifyAsync(ServiceProvider services)
    {
        await services.GetRequiredService<ReportPublisher>().PublishAsync(Plan, Round, "Test manager", "https://csp.example.org");
        var queue = services.GetRequiredService<CspFunctions.Setup.StorageClients>().Queues
            .GetQueueClient(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CspFunctions.Setup.QueueOptions>>().Value.BoardNotices);
        var function = ActivatorUtilities.CreateInstance<SendBoardNoticesFunction>(services);
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        await function.Run(message, CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return (await services.GetRequiredService<IPublicationStore>().GetAsync(Plan, Round))!;
    }

    private void HookAnswers(params int[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            var rule = _hook.Given(Request.Create().WithPath("/workflows/board").UsingPost()).InScenario("hook");
            if (i > 0) rule = rule.WhenStateIs("s" + i);
            var response = Response.Create().WithStatusCode(statuses[i]);
            if (statuses[i] == 429) response = response.WithHeader("Retry-After", "0");
            rule.WillSetStateTo("s" + (i + 1)).RespondWith(response);
        }
    }

    [Fact]
    public async Task Publishing_stores_snapshots_locks_the_round_and_posts_the_summary_card()
    {
        HookAnswers(202);
        await using var services = await StartAsync();
        var published = await PublishAndNotifyAsync(services);

        Assert.Equal((NoticeState.Sent, NoticeState.Sent), (published.BoardNotice, published.MemberNotice));
        var stored = await services.GetRequiredService<IPlanStore>().GetAsync(Plan);
        Assert.Equal(RoundState.Published, stored!.FindRound(Round)!.State);

        var snapshots = services.GetRequiredService<ISnapshotStore>();
        var html = System.Text.Encoding.UTF8.GetString((await snapshots.GetAsync(Plan, Round, ReportPublisher.HtmlFile))!);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(28, doc.QuerySelectorAll("table.plan tbody tr").Length);
        Assert.NotNull(await snapshots.GetAsync(Plan, Round, ReportPublisher.DocxFile));

        var posted = Assert.Single(_hook.LogEntries);
        using var card = JsonDocument.Parse(posted.RequestMessage.Body!);
        var content = card.RootElement.GetProperty("attachments")[0].GetProperty("content");
        Assert.Equal("AdaptiveCard", content.GetProperty("type").GetString());
        var facts = content.GetProperty("body")[2].GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("28 of 28", facts["Updates received"]);
        Assert.Equal("https://csp.example.org/api/reports/luton-2018-19/2018-19-Q4/report.html", content.GetProperty("actions")[0].GetProperty("url").GetString());

        var activity = Assert.Single(_teams.Sent);
        Assert.Equal(["00000000-0000-0000-0000-0000000000c1"], activity.RecipientUserIds);
        Assert.Equal("https://csp.example.org/api/reports/luton-2018-19/2018-19-Q4/report.html", activity.WebUrl);
    }

    [Fact]
    public async Task The_webhook_is_retried_after_429_and_500()
    {
        HookAnswers(429, 500, 202);
        await using var services = await StartAsync();
        var published = await PublishAndNotifyAsync(services);
        Assert.Equal(NoticeState.Sent, published.BoardNotice);
        Assert.Equal(3, _hook.LogEntries.Count());
        Assert.Single(_hook.LogEntries.Select(e => e.RequestMessage.Body).Distinct());
    }

    [Fact]
    public async Task A_failed_notice_is_recorded_without_undoing_the_publication_and_can_be_sent_again()
    {
        HookAnswers(500, 500, 500, 202);
        _teams.FailWith = new MessagingException("Graph said 403", 403);
        await using var services = await StartAsync();
        var publisher = services.GetRequiredService<ReportPublisher>();
        var published = await PublishAndNotifyAsync(services);
        Assert.Equal((NoticeState.Failed, NoticeState.Failed), (published.BoardNotice, published.MemberNotice));
        Assert.Contains("500", published.BoardError);
        Assert.Equal(RoundState.Published, (await services.GetRequiredService<IPlanStore>().GetAsync(Plan))!.FindRound(Round)!.State);
        var recorded = await services.GetRequiredService<IPublicationStore>().GetAsync(Plan, Round);
        Assert.Equal(NoticeState.Failed, recorded!.BoardNotice);

        _teams.FailWith = null;
        var again = await publisher.SendAgainAsync(Plan, Round, "https://csp.example.org");
        Assert.Equal((NoticeState.Sent, NoticeState.Sent, 2), (again.BoardNotice, again.MemberNotice, again.NoticeAttempts));
        Assert.Equal(4, _hook.LogEntries.Count());
    }

    [Fact]
    public async Task A_refusal_is_not_retried()
    {
        HookAnswers(400);
        await using var services = await StartAsync();
        var published = await PublishAndNotifyAsync(services);
        Assert.Equal(NoticeState.Failed, published.BoardNotice);
        Assert.Single(_hook.LogEntries);
    }

    [Fact]
    public async Task Without_a_webhook_the_board_notice_is_not_configured()
    {
        await using var services = await StartAsync(withWebhook: false, boardMembers: false);
        var published = await PublishAndNotifyAsync(services);
        Assert.Equal((NoticeState.NotConfigured, NoticeState.NotConfigured), (published.BoardNotice, published.MemberNotice));
        Assert.Empty(_hook.LogEntries);
        Assert.Empty(_teams.Sent);
    }

    [Fact]
    public async Task A_published_round_is_not_published_again_and_a_late_update_is_kept_and_marked()
    {
        HookAnswers(202);
        await using var services = await StartAsync();
        var publisher = services.GetRequiredService<ReportPublisher>();
        await publisher.PublishAsync(Plan, Round, "Test manager", "https://csp.example.org");
        var snapshot = await services.GetRequiredService<ISnapshotStore>().GetAsync(Plan, Round, ReportPublisher.HtmlFile);

        await Assert.ThrowsAsync<RoundAlreadyPublishedException>(() => publisher.PublishAsync(Plan, Round, "Test manager", "https://csp.example.org"));

        var progress = services.GetRequiredService<IProgressStore>();
        var current = (await progress.GetRoundAsync(Plan, Round)).Latest()[3];
        await progress.AddAsync(current with { Version = current.Version + 1, Text = "A late word.", GivenAt = DateTimeOffset.UtcNow.AddMinutes(1) }, current.Version);

        var live = await services.GetRequiredService<ReportSource>().BuildAsync(Plan, Round, ReportAudience.Manager);
        var row = live.Rows.Single(r => r.Number == 3);
        Assert.True(row.Progress!.ReceivedAfterPublication);
        Assert.Equal("A late word.", row.Progress.Text);
        Assert.Equal(snapshot, await services.GetRequiredService<ISnapshotStore>().GetAsync(Plan, Round, ReportPublisher.HtmlFile));
    }

    [Fact]
    public async Task A_storage_failure_while_publishing_leaves_the_round_unpublished()
    {
        HookAnswers(202);
        await using var services = await StartAsync(more: s => s.AddSingleton<ISnapshotStore, FailingSnapshotStore>());
        await Assert.ThrowsAsync<IOException>(() => services.GetRequiredService<ReportPublisher>().PublishAsync(Plan, Round, "Test manager", "https://csp.example.org"));
        Assert.Equal(RoundState.Closed, (await services.GetRequiredService<IPlanStore>().GetAsync(Plan))!.FindRound(Round)!.State);
        Assert.Null(await services.GetRequiredService<IPublicationStore>().GetAsync(Plan, Round));
        Assert.Empty(_hook.LogEntries);
    }

    [Fact]
    public async Task Year_end_rollover_carries_unfinished_actions_with_where_they_came_from()
    {
        await using var services = await StartAsync(withWebhook: false);
        var next = await services.GetRequiredService<YearEndRollover>().StartNextYearAsync(Plan, null);
        Assert.Equal(("luton-2019-20", 2019), (next.Id, next.FinancialYearStart));
        var complete = ReportData.Sample.Updates.Where(u => u.Status == ProgressStatus.Complete).Select(u => u.ActionNumber).ToHashSet();
        Assert.NotEmpty(complete);
        var stored = (await services.GetRequiredService<IPlanStore>().GetAsync("luton-2019-20"))!.Plan;
        Assert.Equal(ReportData.Sample.Plan.Actions.Where(a => !complete.Contains(a.Number)).Select(a => (a.Number, a.Text, $"{Plan}#{a.Number}")),
            stored.Actions.Select(a => (a.Number, a.Text, a.CarriedFrom!)));
        Assert.Contains("2019-20", stored.Name);
        Assert.All(stored.Actions.SelectMany(a => a.LeadIds), id => Assert.NotNull(stored.FindLead(id)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => services.GetRequiredService<YearEndRollover>().StartNextYearAsync(Plan, null));
    }
}
