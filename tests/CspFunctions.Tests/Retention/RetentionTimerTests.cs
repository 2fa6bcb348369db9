using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CspFunctions.Observability;
using CspFunctions.Retention;
using CspFunctions.Setup;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CspFunctions.Tests.Retention;

/// <summary>The retention timer on Azurite with a fake clock.</summary>
[Collection(StorageCollection.Name)]
public sealed class RetentionTimerTests(StorageFixture storage)
{
    // 26 Nov 2026 02:30 UTC with 365 days' retention: the cutoff (first kept day) is 26 Nov 2025.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 30, 0, TimeSpan.Zero);

    private static readonly string[] Expired =
    [
        "2025/11/25/day-before-cutoff.eml",   // boundary: one day past retention
        "2025/11/01/early-in-cutoff-month.eml",
        "2025/10/31/previous-month.eml",
        "2025/01/01/start-of-cutoff-year.eml",
        "2024/12/31/previous-year.eml",
        "2019/06/15/long-ago.eml",
    ];

    private static readonly string[] Kept =
    [
        "2025/11/26/cutoff-day.eml",          // boundary: exactly 365 days old, kept until tomorrow
        "2025/11/30/later-in-cutoff-month.eml",
        "2025/12/01/next-month.eml",
        "2026/11/26/today.eml",
    ];

    private static readonly string[] NotArchive =
    [
        "README.txt",
        "misc/2019/01/01/x.eml",
        "2019/06/15/notes.txt",               // in an expired day folder, but not mail
        "2019/06/x.eml",                      // wrong depth
        "2019/13/01/x.eml",                   // no such month
    ];

    /// <summary>Records every blob request, so a test can see which folders were listed.</summary>
    private sealed class RequestLog : HttpPipelinePolicy
    {
        public List<(string Method, string Query)> Requests { get; } = [];
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) { Record(message); ProcessNext(message, pipeline); }
        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) { Record(message); return ProcessNextAsync(message, pipeline); }
        private void Record(HttpMessage message) { lock (Requests) Requests.Add((message.Request.Method.ToString(), Uri.UnescapeDataString(message.Request.Uri.Query))); }
    }

    private (ServiceProvider Services, FakeTimeProvider Clock, RequestLog Requests, CapturingLoggerProvider Logs) Start(int? days = null)
    {
        var clock = new FakeTimeProvider(Now);
        var requests = new RequestLog();
        var logs = new CapturingLoggerProvider();
        var options = new BlobClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var overrides = days is null ? null : new Dictionary<string, string?> { [Settings.RetentionInboundMailDays] = days.ToString() };
        var services = storage.Services(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton(new StorageClients(new TableServiceClient("UseDevelopmentStorage=true"), new QueueServiceClient("UseDevelopmentStorage=true"),
                new BlobServiceClient("UseDevelopmentStorage=true", options)));
            s.AddLogging(b => b.AddProvider(logs));
        }, overrides);
        return (services, clock, requests, logs);
    }

    private static async Task<BlobContainerClient> Seed(ServiceProvider services, string container, IEnumerable<string> names)
    {
        var client = services.GetRequiredService<StorageClients>().Blobs.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        foreach (var name in names) await client.UploadBlobAsync(name, BinaryData.FromString("From: lead@example.org\r\nSubject: update\r\n\r\nbody"));
        return client;
    }

    private static async Task<HashSet<string>> Names(BlobContainerClient container)
    {
        var names = new HashSet<string>();
        await foreach (var blob in container.GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }

    private static Task RunTimer(ServiceProvider services, bool pastDue = false) =>
        ActivatorUtilities.CreateInstance<RetentionTimer>(services).Run(new TimerInfo { IsPastDue = pastDue }, CancellationToken.None);

    [Fact]
    public async Task Deletes_mail_past_retention_and_nothing_else()
    {
        var (services, _, _, logs) = Start();
        await using var _ = services;
        var names = services.GetRequiredService<StorageNames>();
        var inbound = await Seed(services, names.InboundContainer, [.. Expired, .. Kept, .. NotArchive]);
        var evidence = await Seed(services, names.Prefix + "evidence", Expired);

        await RunTimer(services);

        Assert.Equal(Kept.Concat(NotArchive).Order(), (await Names(inbound)).Order());
        Assert.Equal(Expired.Order(), (await Names(evidence)).Order());   // other containers untouched
        var summary = logs.Entries.Single(e => e.Message.StartsWith("Inbound mail retention: deleted"));
        Assert.Matches("^[0-9a-f]{32}$", (string)summary.Property(LogIds.CorrelationIdKey)!);   // one id for the run
        Assert.Equal((Expired.Length, NotArchive.Length), ((int)summary.Properties["Deleted"]!, (int)summary.Properties["LeftAlone"]!));
        foreach (var name in NotArchive.Where(n => !n.StartsWith("misc/")))
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && Equals(e.Properties["BlobName"], name));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && Equals(e.Properties["BlobName"], "misc/"));
    }

    /// <summary>E-mail text that could not be placed on an action is personal data like the raw mail it came from: it goes
    /// at the same cutoff, from the inbound log and the de-duplication table, and the rest of the record stays.</summary>
    [Fact]
    public async Task Unplaced_email_text_is_cleared_at_the_same_cutoff_and_the_record_stays()
    {
        var (services, _, _, _) = Start();
        await using var _ = services;
        var log = services.GetRequiredService<CspFunctions.Responses.IInboundLog>();
        CspFunctions.Responses.InboundMessage Message(string id, DateTimeOffset at) => new(id, $"<{id}@example.org>", at, $"{at:yyyy/MM/dd}/{id}.eml", "lead@example.org", "Re: update",
            "p", "2025-26-Q2", "police", CspFunctions.Responses.InboundState.Unassigned, "Could not tell which action.") { UnassignedText = "Personal text from " + id };
        var old = Message("aa" + new string('1', 62), new DateTimeOffset(2025, 11, 25, 23, 59, 0, TimeSpan.Zero));   // the day before the cutoff
        var kept = Message("bb" + new string('2', 62), new DateTimeOffset(2025, 11, 26, 0, 0, 0, TimeSpan.Zero));    // the cutoff day
        foreach (var m in new[] { old, kept })
        {
            var claim = await log.ClaimAsync(m, m.ReceivedAt.AddMinutes(5));
            Assert.Equal(CspFunctions.Responses.ClaimOutcome.Claimed, claim.Outcome);
            await log.CompleteAsync(claim, m);
        }

        await RunTimer(services);
        await RunTimer(services); // twice: harmless

        var listed = (await log.ListAsync("p", "2025-26-Q2")).ToDictionary(m => m.Id);
        Assert.Null(listed[old.Id].UnassignedText);
        Assert.Equal((CspFunctions.Responses.InboundState.Unassigned, old.ArchiveBlob, old.Subject), (listed[old.Id].State, listed[old.Id].ArchiveBlob, listed[old.Id].Subject));
        Assert.Equal(kept.UnassignedText, listed[kept.Id].UnassignedText);
        var names = services.GetRequiredService<StorageNames>();
        var tables = services.GetRequiredService<StorageClients>().Tables;
        foreach (var table in new[] { names.Inbound, names.InboundLog })
        {
            var texts = new List<string?>();
            await foreach (var e in tables.GetTableClient(table).QueryAsync<TableEntity>()) texts.Add(e.GetString("UnassignedText"));
            Assert.Equal([kept.UnassignedText], texts.Where(t => t is not null));
        }
    }

    [Fact]
    public async Task Running_twice_is_harmless_and_the_next_day_takes_one_more_day()
    {
        var (services, clock, _, _) = Start();
        await using var _ = services;
        var names = services.GetRequiredService<StorageNames>();
        var inbound = await Seed(services, names.InboundContainer, [.. Expired, .. Kept]);
        var purger = services.GetRequiredService<InboundMailPurger>();

        var first = await purger.PurgeAsync(CancellationToken.None);
        var second = await purger.PurgeAsync(CancellationToken.None);
        Assert.Equal((Expired.Length, 0), (first.Deleted, second.Deleted));
        Assert.Equal(Kept.Order(), (await Names(inbound)).Order());

        clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await purger.PurgeAsync(CancellationToken.None);
        Assert.Equal(new DateOnly(2025, 11, 27), tomorrow.Cutoff);
        Assert.Equal(1, tomorrow.Deleted);
        Assert.DoesNotContain("2025/11/26/cutoff-day.eml", await Names(inbound));
    }

    [Fact]
    public async Task Folders_within_retention_are_never_listed()
    {
        var (services, _, requests, _) = Start();
        await using var _ = services;
        var names = services.GetRequiredService<StorageNames>();
        await Seed(services, names.InboundContainer, [.. Expired, .. Kept]);
        lock (requests.Requests) requests.Requests.Clear();

        await RunTimer(services);

        var listings = requests.Requests.Where(r => r.Method == "GET" && r.Query.Contains("comp=list")).Select(r => r.Query).ToList();
        Assert.NotEmpty(listings);
        foreach (var kept in new[] { "prefix=2026/", "prefix=2025/12/", "prefix=2025/11/26/", "prefix=2025/11/30/" })
            Assert.DoesNotContain(listings, q => q.Contains(kept + "&") || q.EndsWith(kept));
        // Root, the straddling year 2025/ and month 2025/11/, then one flat listing per expired folder
        // (2019/, 2024/, 2025/01/, 2025/10/, 2025/11/01/, 2025/11/25/).
        Assert.Equal(9, listings.Count);
        Assert.Equal(Expired.Length, requests.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task The_retention_setting_is_honoured_and_a_missing_archive_is_not_an_error()
    {
        var (services, _, _, logs) = Start(days: 30);
        await using var _ = services;
        var outcome = await services.GetRequiredService<InboundMailPurger>().PurgeAsync(CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 10, 27), outcome.Cutoff);
        Assert.Equal(0, outcome.Deleted);
        Assert.Contains(logs.Entries, e => e.Message.Contains("does not exist"));

        var names = services.GetRequiredService<StorageNames>();
        var inbound = await Seed(services, names.InboundContainer, ["2026/10/26/a.eml", "2026/10/27/b.eml"]);
        await RunTimer(services, pastDue: true);
        Assert.Equal(["2026/10/27/b.eml"], await Names(inbound));
        Assert.Contains(logs.Entries, e => e.Message.Contains("past due"));
    }

    [Fact]
    public async Task The_deletions_are_counted()
    {
        var (services, _, _, _) = Start();
        await using var _ = services;
        var names = services.GetRequiredService<StorageNames>();
        await Seed(services, names.InboundContainer, Expired.Take(2));
        var meter = services.GetRequiredService<CspTelemetry>().Meter;
        long deleted = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (i, l) => { if (ReferenceEquals(i.Meter, meter) && i.Name == "inbound_mail_deleted") l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref deleted, v));
        listener.Start();

        await RunTimer(services);
        Assert.Equal(2, Interlocked.Read(ref deleted));
    }

    [Fact]
    public async Task The_local_host_runs_it_on_demand_like_Core_Tools()
    {
        var clock = new FakeTimeProvider(Now);
        await using var host = await TestHost.StartAsync(storage, configure: s => s.AddSingleton<TimeProvider>(clock));
        var names = host.Services.GetRequiredService<StorageNames>();
        var inbound = host.Services.GetRequiredService<StorageClients>().Blobs.GetBlobContainerClient(names.InboundContainer);
        await inbound.CreateIfNotExistsAsync();
        await inbound.UploadBlobAsync("2025/11/25/old.eml", BinaryData.FromString("x"));
        await inbound.UploadBlobAsync("2025/11/26/kept.eml", BinaryData.FromString("x"));

        using var run = await host.KeyClient.PostAsync("/admin/functions/RetentionTimer", null);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(["2025/11/26/kept.eml"], await Names(inbound));

        var list = await host.KeyClient.GetStringAsync("/admin/functions");
        Assert.Contains(RetentionTimer.Schedule, list);
    }
}
