using Azure.Data.Tables;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Setup;
using CspFunctions.Storage;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CspFunctions.Tests.Reporting;

/// <summary>Publishing once: a second publish request changes nothing, and the board is told from a queue message written
/// at the commit, claimed before it is sent. On Azurite, with the board's webhook as a WireMock stub.</summary>
[Collection(StorageCollection.Name)]
public sealed class PublishOnceTests(StorageFixture storage) : IDisposable
{
    private const string Plan = "luton-2018-19";
    private const string Round = "2018-19-Q4";
    private readonly WireMockServer _hook = WireMockServer.Start();
    private readonly RecordingTeamsNotifier _teams = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 5, 1, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _hook.Stop();

    /// <summary>Holds the first snapshot write until released, as a slow first click would be.</summary>
    private sealed class GatedSnapshotStore(BlobSnapshotStore inner) : ISnapshotStore
    {
        private int _writes;
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SaveAsync(string planId, string roundId, string fileName, byte[] content, string contentType, bool replace, CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _writes) == 1)
            {
                Reached.SetResult();
                await Release.Task;
            }
            await inner.SaveAsync(planId, roundId, fileName, content, contentType, replace, ct);
        }

        public Task<byte[]?> GetAsync(string planId, string roundId, string fileName, CancellationToken ct = default) => inner.GetAsync(planId, roundId, fileName, ct);
        public Task DeleteAsync(string planId, string roundId, string fileName, CancellationToken ct = default) => inner.DeleteAsync(planId, roundId, fileName, ct);
    }

    private async Task<ServiceProvider> StartAsync(Action<IServiceCollection>? more = null)
    {
        _hook.Given(Request.Create().WithPath("/workflows/board").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        var services = storage.Services(s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton(new BoardWebhookRetry(2, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)));
            s.AddSingleton<CspFunctions.Messaging.ITeamsNotifier>(_teams);
            more?.Invoke(s);
        }, new Dictionary<string, string?> { ["Csp:Board:WorkflowWebhookUrl"] = _hook.Url + "/workflows/board" });
        var sample = storage.LoadSample();
        sample.BoardMembers = [new ContactDocument { Name = "Board Chair", Email = "chair@example.org", TeamsUserId = "00000000-0000-0000-0000-0000000000c1" }];
        await services.GetRequiredService<PlanImporter>().ImportAsync(sample);
        return services;
    }

    private static Azure.Storage.Queues.QueueClient NoticeQueue(ServiceProvider services) =>
        services.GetRequiredService<StorageClients>().Queues.GetQueueClient(services.GetRequiredService<IOptions<QueueOptions>>().Value.BoardNotices);

    /// <summary>Everything a publication writes: the publication row and its ETag, the snapshot blobs and their ETags,
    /// the round's state and ETag, and the board-notice messages waiting.</summary>
    private static async Task<string> FingerprintAsync(ServiceProvider services)
    {
        var names = services.GetRequiredService<StorageNames>();
        var clients = services.GetRequiredService<StorageClients>();
        var parts = new List<string>();
        var row = await clients.Tables.GetTableClient(names.Publications).GetEntityIfExistsAsync<TableEntity>(Plan, Round);
        parts.Add(row.HasValue ? $"publication {row.Value!.ETag} {row.Value.GetString("PublishedBy")}" : "no publication");
        var container = clients.Blobs.GetBlobContainerClient(names.Reports);
        if (await container.ExistsAsync())
            await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Plan}/{Round}/", CancellationToken.None)) parts.Add($"blob {blob.Name} {blob.Properties.ETag}");
        var stored = (await services.GetRequiredService<IPlanStore>().GetAsync(Plan))!;
        parts.Add($"round {stored.FindRound(Round)!.State} {stored.RoundETags[Round]}");
        var queue = NoticeQueue(services);
        parts.Add($"notices {(await queue.ExistsAsync() ? (await queue.PeekMessagesAsync(32)).Value.Length : 0)}");
        return string.Join("\n", parts);
    }

    private static async Task<int> DeliverNoticesAsync(ServiceProvider services, bool twice = false)
    {
        var queue = NoticeQueue(services);
        var function = ActivatorUtilities.CreateInstance<SendBoardNoticesFunction>(services);
        var delivered = 0;
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                await function.Run(message, CancellationToken.None);
                if (twice) await function.Run(message, CancellationToken.None); // the runtime delivers it again
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                delivered++;
            }
        }
        return delivered;
    }

    [Fact]
    public async Task A_second_publish_while_the_first_is_under_way_changes_nothing_and_the_first_publishes()
    {
        GatedSnapshotStore? gate = null;
        await using var services = await StartAsync(s =>
        {
            s.AddSingleton<BlobSnapshotStore>();
            s.AddSingleton<ISnapshotStore>(sp => gate = new GatedSnapshotStore(sp.GetRequiredService<BlobSnapshotStore>()));
        });
        _ = services.GetRequiredService<ISnapshotStore>();
        var first = services.GetRequiredService<ReportPublisher>().PublishAsync(Plan, Round, "First click", "https://csp.example.org");
        await gate!.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // An update arrives, then the second click: it must neither publish it nor touch anything the first wrote.
        var progress = services.GetRequiredService<CspFunctions.Plans.IProgressStore>();
        var current = (await progress.GetRoundAsync(Plan, Round)).Latest()[3];
        await progress.AddAsync(current with { Version = current.Version + 1, Text = "Arrived between the clicks." }, current.Version);
        var before = await FingerprintAsync(services);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => services.GetRequiredService<ReportPublisher>().PublishAsync(Plan, Round, "Second click", "https://csp.example.org"));
        Assert.Equal(before, await FingerprintAsync(services));

        gate.Release.SetResult();
        var outcome = await first;
        Assert.Equal("First click", outcome.Publication.PublishedBy);
        Assert.Equal("First click", (await services.GetRequiredService<IPublicationStore>().GetAsync(Plan, Round))!.PublishedBy);
        Assert.Equal(RoundState.Published, (await services.GetRequiredService<IPlanStore>().GetAsync(Plan))!.FindRound(Round)!.State);
        var html = System.Text.Encoding.UTF8.GetString((await services.GetRequiredService<ISnapshotStore>().GetAsync(Plan, Round, ReportPublisher.HtmlFile))!);
        Assert.DoesNotContain("Arrived between the clicks.", html);
        Assert.Equal(1, await DeliverNoticesAsync(services));
        Assert.Single(_hook.LogEntries);
    }

    [Fact]
    public async Task A_snapshot_that_exists_is_never_overwritten()
    {
        await using var services = await StartAsync();
        var snapshots = services.GetRequiredService<ISnapshotStore>();
        await snapshots.SaveAsync(Plan, Round, "x.html", [1, 2, 3], "text/html", replace: false);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => snapshots.SaveAsync(Plan, Round, "x.html", [9], "text/html", replace: false));
        Assert.Equal(new byte[] { 1, 2, 3 }, await snapshots.GetAsync(Plan, Round, "x.html"));
    }

    [Fact]
    public async Task Notices_go_from_the_queue_message_written_at_the_commit_once_even_when_it_is_delivered_twice()
    {
        await using var services = await StartAsync();
        var outcome = await services.GetRequiredService<ReportPublisher>().PublishAsync(Plan, Round, "Test manager", "https://csp.example.org");
        Assert.Equal((NoticeState.Pending, NoticeState.Pending), (outcome.Publication.BoardNotice, outcome.Publication.MemberNotice));
        Assert.Empty(_hook.LogEntries); // nothing is sent by the publish request itself

        Assert.Equal(1, await DeliverNoticesAsync(services, twice: true));
        Assert.Single(_hook.LogEntries);
        Assert.Single(_teams.Sent);
        var recorded = (await services.GetRequiredService<IPublicationStore>().GetAsync(Plan, Round))!;
        Assert.Equal((NoticeState.Sent, NoticeState.Sent), (recorded.BoardNotice, recorded.MemberNotice));
        var log = await services.GetRequiredService<CspFunctions.Chasing.IReminderLog>().GetRoundAsync(Plan, Round);
        Assert.Equal(2, log.Count(r => r.LeadId == "_board" && r.State == CspFunctions.Chasing.ReminderState.Sent));
    }

    [Fact]
    public async Task A_notice_left_pending_is_offered_again_once_stale_and_the_late_queue_message_then_sends_nothing()
    {
        await using var services = await StartAsync();
        var publisher = services.GetRequiredService<ReportPublisher>();
        await publisher.PublishAsync(Plan, Round, "Test manager", "https://csp.example.org");
        var pending = (await services.GetRequiredService<IPublicationStore>().GetAsync(Plan, Round))!;
        Assert.False(pending.CanSendAgain(_clock.GetUtcNow()));   // the queue message is still on its way

        _clock.Advance(TimeSpan.FromMinutes(20));                  // ... and never came (the request stopped after the commit)
        Assert.True(pending.CanSendAgain(_clock.GetUtcNow()));
        var again = await publisher.SendAgainAsync(Plan, Round, "https://csp.example.org");
        Assert.Equal((NoticeState.Sent, NoticeState.Sent), (again.BoardNotice, again.MemberNotice));
        Assert.False(again.CanSendAgain(_clock.GetUtcNow()));

        Assert.Equal(1, await DeliverNoticesAsync(services));     // the original message turns up late
        Assert.Single(_hook.LogEntries);
        Assert.Single(_teams.Sent);
    }
}
