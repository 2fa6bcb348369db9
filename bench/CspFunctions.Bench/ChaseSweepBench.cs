using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CspFunctions.Bench;

/// <summary>Counts every storage request the SDK sends (retries included).</summary>
public sealed class CountingPolicy : HttpPipelinePolicy
{
    private int _count;
    public int Count => _count;
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}

/// <summary>
/// Issue 3's benchmark: a sweep over 300 plans of 35 actions and 10 leads on Azurite. Storage requests against the
/// justified minimum; the time of a sweep with nothing due against the bare Azure.Data.Tables queries for the same
/// partitions; SendGrid and Graph requests against the messages due.
/// </summary>
public sealed class ChaseSweepBench : IBenchProgram
{
    public string Name => "chase-sweep";
    public string Description => "issue 3: sweep over 300 plans x 35 actions x 10 leads on Azurite (requests, time, provider calls)";

    public async Task<int> RunAsync(string[] args)
    {
        var plans = args.Length > 0 && int.TryParse(args[0], out var p) ? p : 300;
        await using var azurite = await Azurite.EnsureRunningAsync(RepoPaths.FindRoot(), Path.Combine(Path.GetTempPath(), "csp-bench-azurite"), Console.WriteLine);
        using var stubs = WireMockServer.Start();
        stubs.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        stubs.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1.0/teamwork/sendActivityNotificationToRecipients").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));

        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Csp:TablePrefix"] = prefix, ["Csp:Queues:Reminders"] = prefix + "reminders", ["Csp:Queues:BoardNotices"] = prefix + "boardnotices",
            ["Csp:LinkSigning:ActiveKeyId"] = "b", ["Csp:LinkSigning:Keys:b"] = new string('k', 40),
            ["Csp:SendGrid:ApiKey"] = "SG.bench", ["Csp:SendGrid:Host"] = stubs.Url, ["Csp:SendGrid:InboundDomain"] = "reply.example.org",
        }).Build();
        var counter = new CountingPolicy();
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
        await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCspFunctions(config)
            .AddSingleton(StorageClients.Create(config, counter))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new GraphServiceClient(GraphTeamsNotifier.CreateHttpClient(), new AnonymousAuthenticationProvider(), stubs.Url + "/v1.0"))
            .AddSingleton<ITeamsNotifier, GraphTeamsNotifier>()
            .BuildServiceProvider();

        Console.WriteLine($"Seeding {plans} plans of 35 actions and 10 leads ...");
        var importer = services.GetRequiredService<PlanImporter>();
        await Parallel.ForEachAsync(Enumerable.Range(0, plans), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) => await importer.ImportAsync(Plan(i), ct));

        var sweep = services.GetRequiredService<ChaseSweep>();
        var quarter = new FinancialYear(2019).Quarter(1);
        var round = ReportingRound.For("x", quarter, RoundOpening.DueDateFor(quarter, ChasingPolicy.Default));
        var timeline = ChaseSchedule.Timeline(round, ChasingPolicy.Default);
        SetLondonMorning(clock, timeline[0].Date);

        // 1. Opening day: every round opens and every lead is due.
        counter.Reset();
        var opening = await sweep.RunAsync("bench");
        var openingRequests = counter.Count;
        var messages = opening.Enqueued;
        // Justified minimum: the plan index, then per plan its partition, the round insert, the round's updates and its
        // reminder log; one queue send per message (Storage queues have no batch send); the tables' and queue's
        // create-if-not-exists once each per process.
        var openingMinimum = 1 + plans * 4 + messages;
        var setupCalls = openingRequests - openingMinimum;

        // 2. Sending: SendGrid calls equal the emails due; Graph calls one per lead notification (ceil(recipients/100) each).
        var sender = services.GetRequiredService<ReminderSender>();
        var queue = services.GetRequiredService<StorageClients>().Queues.GetQueueClient(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value.Reminders);
        var emailsDue = 0;
        var teamsRecipients = new List<int>();
        var sendWatch = Stopwatch.StartNew();
        for (var batch = (await queue.ReceiveMessagesAsync(32)).Value; batch.Length > 0; batch = (await queue.ReceiveMessagesAsync(32)).Value)
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (m, ct) =>
            {
                var request = ReminderRequest.Parse(m.Body.ToString());
                await sender.HandleAsync(request, m.MessageId, ct);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
            });
            foreach (var m in batch)
            {
                var r = ReminderRequest.Parse(m.Body.ToString());
                if (r.Channel == ReminderChannel.Email) emailsDue++;
                else teamsRecipients.Add(1);
            }
        }
        sendWatch.Stop();
        var sendGridCalls = stubs.LogEntries.Count(e => e.RequestMessage.Path == "/v3/mail/send");
        var graphCalls = stubs.LogEntries.Count(e => e.RequestMessage.Path.EndsWith("sendActivityNotificationToRecipients", StringComparison.Ordinal));
        var graphExpected = teamsRecipients.Sum(r => (r + 99) / 100);

        // 3. A day with nothing due, timed against the bare queries for the same partitions.
        SetLondonMorning(clock, timeline[0].Date.AddDays(1));
        await sweep.RunAsync("warm-up");
        counter.Reset();
        var idle = await sweep.RunAsync("bench");
        var idleRequests = counter.Count;
        var tables = services.GetRequiredService<StorageClients>().Tables;
        var names = services.GetRequiredService<StorageNames>();
        var sweepTimes = new List<double>();
        var bareTimes = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var w = Stopwatch.StartNew();
            await sweep.RunAsync("bench");
            sweepTimes.Add(w.Elapsed.TotalMilliseconds);
            w.Restart();
            await BareQueriesAsync(tables, names, round.Id);
            bareTimes.Add(w.Elapsed.TotalMilliseconds);
        }
        var sweepMedian = sweepTimes.Order().ElementAt(2);
        var bareMedian = bareTimes.Order().ElementAt(2);

        Console.WriteLine();
        Console.WriteLine($"Opening-day sweep: {openingRequests} storage requests; justified minimum {openingMinimum} (+{setupCalls} one-off create-if-not-exists) = ratio {(double)openingRequests / openingMinimum:F3} (target <= 1.1)");
        Console.WriteLine($"  {messages} messages enqueued ({emailsDue} email, {teamsRecipients.Count} Teams), {opening.RoundsOpened} rounds opened");
        Console.WriteLine($"Sending: SendGrid requests {sendGridCalls} for {emailsDue} emails due (ratio {(double)sendGridCalls / Math.Max(1, emailsDue):F3}); Graph requests {graphCalls}, expected sum of ceil(recipients/100) = {graphExpected}; {sendWatch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"Nothing-due sweep: {idleRequests} storage requests for {plans} plans (1 + 3 x plans = {1 + 3 * plans}): O(plans); enqueued {idle.Enqueued}");
        Console.WriteLine($"Nothing-due sweep time: median {sweepMedian:F0} ms vs bare Azure.Data.Tables queries of the same partitions {bareMedian:F0} ms = ratio {sweepMedian / bareMedian:F2} (target <= 1.5)");
        var ok = (double)openingRequests / openingMinimum <= 1.1 && sendGridCalls == emailsDue && graphCalls == graphExpected && sweepMedian / bareMedian <= 1.5 && idle.Enqueued == 0;
        Console.WriteLine(ok ? "All targets met." : "A target was missed.");
        return ok ? 0 : 1;
    }

    private static async Task BareQueriesAsync(TableServiceClient tables, StorageNames names, string roundId)
    {
        var index = tables.GetTableClient(names.PlanIndex);
        var plansTable = tables.GetTableClient(names.Plans);
        var updates = tables.GetTableClient(names.Updates);
        var log = tables.GetTableClient(names.ReminderLog);
        await foreach (var planRow in index.QueryAsync<TableEntity>(e => e.PartitionKey == "plans", select: ["RowKey"]))
        {
            var id = planRow.RowKey;
            await foreach (var _ in plansTable.QueryAsync<TableEntity>(e => e.PartitionKey == id)) { }
            var partition = id + "|" + roundId;
            await foreach (var _ in updates.QueryAsync<TableEntity>(e => e.PartitionKey == partition)) { }
            await foreach (var _ in log.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", "State"])) { }
        }
    }

    private static void SetLondonMorning(SimulatedClock clock, DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(9, 0));
        clock.Now = new DateTimeOffset(local, LondonClock.Zone.GetUtcOffset(local));
    }

    private static PlanDocument Plan(int i) => new()
    {
        Id = $"bench-plan-{i:D4}",
        Name = $"Benchmark plan {i}",
        FinancialYearStart = 2019,
        Managers = [new() { Name = "Manager", Email = $"manager{i}@example.org" }],
        Priorities = [new() { Id = "p1", Title = "One" }, new() { Id = "p2", Title = "Two" }, new() { Id = "p3", Title = "Three" }],
        Leads = Enumerable.Range(1, 10).Select(l => new LeadDocument
        {
            Id = $"lead-{l}", Name = $"Lead {l}",
            Contacts = [new() { Name = $"Contact {l}", Email = $"lead{l}.plan{i}@example.org", TeamsUserId = l % 2 == 0 ? Guid.NewGuid().ToString() : null }],
        }).ToList(),
        Actions = Enumerable.Range(1, 35).Select(n => new ActionDocument
        {
            Number = n, PriorityId = $"p{n % 3 + 1}", Text = $"Action {n} of plan {i}: deliver the thing, with a sentence or two of detail as real plans have.",
            LeadIds = [$"lead-{n % 10 + 1}"],
        }).ToList(),
    };
}
