using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CspFunctions.Bench;

/// <summary>
/// A sweep over many plans (default 300 of 35 actions and 10 leads) on Azurite, then the publication of one of them to
/// a board of many members in Teams. Each figure is held against a minimum derived from the data, not from how the sweep happens to work:
/// the partitions that must be read, the rows that must be written and the messages that must be sent. The time of a
/// sweep with nothing due is held against the bare Azure.Data.Tables queries of the same partitions. Reminders are never
/// identical (each contact has their own signed link); the board's "report published" notice is, so that is where Graph's
/// batching by 100 recipients is measured.
/// </summary>
public sealed class ChaseSweepBench : IBenchProgram
{
    public string Name => "chase-sweep";
    public string Description => "sweep over 300 plans x 35 actions x 10 leads on Azurite, then one plan published to 250 board members in Teams (args: [plans=300] [board members in Teams=250])";

    /// <summary>Graph's own limit on recipients per sendActivityNotificationToRecipients call, stated here rather than taken
    /// from the notifier, so the minimum does not follow the code.</summary>
    private const int GraphRecipientsPerCall = 100;
    private const string BaseUrl = "https://csp.example.org";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var plans = options.Int(0, full: 300, smoke: 3);
        var boardInTeams = options.Int(1, full: 250, smoke: 150);
        var report = new BenchReport(Name, "Chase sweep: storage requests, provider calls and idle time", "dotnet run -c Release --project bench/CspFunctions.Bench -- chase-sweep");
        await using var azurite = await Azurite.EnsureRunningAsync(RepoPaths.FindRoot(), Path.Combine(Path.GetTempPath(), "csp-bench-azurite"), Console.WriteLine);
        using var stubs = WireMockServer.Start();
        stubs.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        stubs.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1.0/teamwork/sendActivityNotificationToRecipients").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        stubs.Given(WireMock.RequestBuilders.Request.Create().WithPath("/workflows/board").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));

        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Csp:TablePrefix"] = prefix, ["Csp:Queues:Reminders"] = prefix + "reminders", ["Csp:Queues:BoardNotices"] = prefix + "boardnotices",
            ["Csp:LinkSigning:ActiveKeyId"] = "b", ["Csp:LinkSigning:Keys:b"] = new string('k', 40),
            ["Csp:SendGrid:ApiKey"] = "SG.bench", ["Csp:SendGrid:Host"] = stubs.Url, ["Csp:SendGrid:InboundDomain"] = "reply.example.org",
            ["Csp:Board:WorkflowWebhookUrl"] = stubs.Url + "/workflows/board",
        }).Build();
        var counter = new StorageRequestCounter();
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
        await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCspFunctions(config)
            .AddSingleton(StorageClients.Create(config, counter))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new GraphServiceClient(GraphTeamsNotifier.CreateHttpClient(), new AnonymousAuthenticationProvider(), stubs.Url + "/v1.0"))
            .AddSingleton<ITeamsNotifier, GraphTeamsNotifier>()
            .BuildServiceProvider();

        var documents = Enumerable.Range(0, plans).Select(Plan).ToList();
        var boardPlan = documents[0];
        boardPlan.BoardMembers = Board(boardInTeams);
        Console.WriteLine($"Seeding {plans} plans of 35 actions and 10 leads; {boardPlan.Id} has {boardPlan.BoardMembers.Count} board members ...");
        var importer = services.GetRequiredService<PlanImporter>();
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, ct) => await importer.ImportAsync(d, ct));

        // What the data says must happen on the opening day (every plan is 2019-20 and nobody has answered):
        // each lead with an action and a contact gets one email per contact, and one Teams activity per Teams contact.
        var dueLeads = documents.SelectMany(d => d.Leads!.Where(l => d.Actions!.Any(a => a.LeadIds!.Contains(l.Id!)) && l.Contacts!.Count > 0)).ToList();
        var emailMessages = dueLeads.Count;
        var teamsMessages = dueLeads.Count(l => l.Contacts!.Any(c => c.TeamsUserId is not null));
        var emailsDue = dueLeads.Sum(l => l.Contacts!.Count);
        var teamsRecipientsDue = dueLeads.SelectMany(l => l.Contacts!).Select(c => c.TeamsUserId).OfType<string>().Distinct().Count();
        var planCount = documents.Count;

        var sweep = services.GetRequiredService<ChaseSweep>();
        var quarter = new FinancialYear(2019).Quarter(1);
        var round = ReportingRound.For("x", quarter, RoundOpening.DueDateFor(quarter, ChasingPolicy.Default));
        var timeline = ChaseSchedule.Timeline(round, ChasingPolicy.Default);
        SetLondonMorning(clock, timeline[0].Date);

        // 1. Opening day. Must read: the plan index, each plan's partition, and each opening round's updates partition
        // (an import may already hold answers for it). Its reminder log cannot hold entries before the round exists, so it
        // need not be read. Must write: each plan's new round row. Must send: one queue message per reminder due (Storage
        // queues have no batch send).
        counter.Reset();
        var opening = await sweep.RunAsync("bench");
        var openingMinimum = 1 + planCount + planCount + planCount + emailMessages + teamsMessages;
        report.Figure("Opening-day sweep: storage requests vs the minimum the data needs", counter.Work, openingMinimum, "requests", maxRatio: 1.1);
        report.Note($"Opening day: {planCount} plans, {opening.RoundsOpened} rounds opened, {opening.Enqueued} messages enqueued ({emailMessages} email, {teamsMessages} Teams); " +
            $"minimum = 1 index + {planCount} plan partitions + {planCount} round writes + {planCount} updates partitions + {emailMessages + teamsMessages} queue sends; " +
            $"{counter.Setup} one-off create-if-not-exists requests are not counted.");
        report.Check($"the sweep enqueued exactly the {emailMessages + teamsMessages} reminders the data makes due", opening.Enqueued == emailMessages + teamsMessages);
        report.Check($"every one of the {planCount} rounds opened", opening.RoundsOpened == planCount);

        // 2. Sending. Every email and every Teams activity carries the contact's own signed link, so no two are identical
        // and none can share a call: the minimum is one SendGrid request per email and one Graph request per Teams contact.
        var sender = services.GetRequiredService<ReminderSender>();
        var queue = services.GetRequiredService<StorageClients>().Queues.GetQueueClient(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value.Reminders);
        var sendWatch = Stopwatch.StartNew();
        for (var batch = (await queue.ReceiveMessagesAsync(32)).Value; batch.Length > 0; batch = (await queue.ReceiveMessagesAsync(32)).Value)
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (m, ct) =>
            {
                await sender.HandleAsync(ReminderRequest.Parse(m.Body.ToString()), m.MessageId, ct);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
            });
        }
        sendWatch.Stop();
        var sendGridCalls = stubs.LogEntries.Count(e => e.RequestMessage.Path == "/v3/mail/send");
        var graphBodies = GraphBodies(stubs);
        var notified = graphBodies.SelectMany(Recipients).ToList();
        report.Figure("SendGrid requests vs emails that must be sent", sendGridCalls, emailsDue, "requests", maxRatio: 1.0);
        report.Figure("Reminders: Graph requests vs Teams contacts due (one activity each, with their own link)", graphBodies.Count, teamsRecipientsDue, "requests", maxRatio: 1.0);
        report.Check($"SendGrid was asked to send exactly the {emailsDue} emails due", sendGridCalls == emailsDue);
        report.Check($"each of the {teamsRecipientsDue} Teams contacts due got one activity of their own: one recipient per call, each contact once, no two with the same link",
            graphBodies.All(b => Recipients(b).Count() == 1) && notified.Count == teamsRecipientsDue && notified.Distinct().Count() == teamsRecipientsDue
            && graphBodies.Select(WebUrl).Distinct().Count() == graphBodies.Count);
        report.Note($"Sending took {sendWatch.Elapsed.TotalSeconds:F1} s against the WireMock stubs.");

        // 3. A day with nothing due: the index, and per plan its partition plus the open round's updates and reminder log
        // (now that the round exists, its log may hold entries). Timed against the bare queries of the same partitions.
        SetLondonMorning(clock, timeline[0].Date.AddDays(1));
        await sweep.RunAsync("warm-up");
        counter.Reset();
        var idle = await sweep.RunAsync("bench");
        var idleRequests = counter.Work;
        report.Figure("Nothing-due sweep: storage requests vs 1 + 3 x plans", idleRequests, 1 + 3 * planCount, "requests", maxRatio: 1.1);
        report.Check("a day with nothing due enqueues nothing", idle.Enqueued == 0);
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
            await BareQueriesAsync(tables, names, quarter.RoundId);
            bareTimes.Add(w.Elapsed.TotalMilliseconds);
        }
        report.Figure("Nothing-due sweep time (median of 5) vs bare Azure.Data.Tables queries of the same partitions", sweepTimes.Order().ElementAt(2), bareTimes.Order().ElementAt(2), "ms", maxRatio: 1.5);

        // 4. Publishing one plan's round, as the round page does, then the board-notice queue function on the message the
        // commit wrote. The members' notice is the same for all of them, so Graph may take up to 100 recipients a call:
        // the minimum is ceil(board members with a Teams id / 100). Members without a Teams id get nothing in Teams.
        stubs.ResetLogEntries();
        var boardTeamsIds = boardPlan.BoardMembers.Select(m => m.TeamsUserId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var boardMinimum = (boardTeamsIds.Count + GraphRecipientsPerCall - 1) / GraphRecipientsPerCall;
        await services.GetRequiredService<ReportPublisher>().PublishAsync(boardPlan.Id!, quarter.RoundId, "Bench manager", BaseUrl);
        var noticeQueue = services.GetRequiredService<StorageClients>().Queues.GetQueueClient(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value.BoardNotices);
        var noticeFunction = ActivatorUtilities.CreateInstance<SendBoardNoticesFunction>(services);
        var noticeMessages = (await noticeQueue.ReceiveMessagesAsync(32)).Value;
        foreach (var m in noticeMessages)
        {
            await noticeFunction.Run(m, CancellationToken.None);
            await noticeQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
        }
        var publication = await services.GetRequiredService<IPublicationStore>().GetAsync(boardPlan.Id!, quarter.RoundId);
        var boardBodies = GraphBodies(stubs);
        var boardNotified = boardBodies.SelectMany(Recipients).ToList();
        var cardPosts = stubs.LogEntries.Count(e => e.RequestMessage.Path == "/workflows/board");
        report.Figure($"Board notice: Graph requests vs ceil(board members with a Teams id / {GraphRecipientsPerCall})", boardBodies.Count, boardMinimum, "requests", maxRatio: 1.0);
        report.Check($"publishing left one board-notice message, and the queue function sent the card to the board's channel once and recorded both notices as sent",
            noticeMessages.Length == 1 && cardPosts == 1 && publication is { BoardNotice: NoticeState.Sent, MemberNotice: NoticeState.Sent });
        report.Check($"each of the {boardTeamsIds.Count} board members with a Teams id appears exactly once across the {boardBodies.Count} Graph calls' recipients, and no one else does",
            boardNotified.Count == boardTeamsIds.Count && boardNotified.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(boardTeamsIds));
        report.Check($"the board notice is one notification, the same in every call, with at most {GraphRecipientsPerCall} recipients a call",
            boardBodies.Select(ContentKey).Distinct().Count() == 1 && boardBodies.All(b => Recipients(b).Count() <= GraphRecipientsPerCall));
        report.Note($"Publishing: {boardPlan.Id} has {boardPlan.BoardMembers.Count} board members, {boardTeamsIds.Count} of them with a Teams id; " +
            $"Graph got {boardBodies.Count} calls of {string.Join(", ", boardBodies.Select(b => Recipients(b).Count()))} recipients.");

        foreach (var table in names.All) await tables.DeleteTableAsync(table);
        await services.GetRequiredService<StorageClients>().Blobs.GetBlobContainerClient(names.Reports).DeleteIfExistsAsync();
        await queue.DeleteIfExistsAsync();
        await noticeQueue.DeleteIfExistsAsync();
        return await report.FinishAsync(options);
    }

    private static string ContentKey(JsonElement body)
    {
        var copy = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body.GetRawText())!;
        copy.Remove("recipients");
        return JsonSerializer.Serialize(copy.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
    }

    private static List<JsonElement> GraphBodies(WireMockServer stubs) =>
        stubs.LogEntries.Where(e => e.RequestMessage.Path.EndsWith("sendActivityNotificationToRecipients", StringComparison.Ordinal))
            .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.Clone()).ToList();

    private static string? WebUrl(JsonElement body) => body.GetProperty("topic").GetProperty("webUrl").GetString();

    private static IEnumerable<string> Recipients(JsonElement body) =>
        body.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("userId").GetString()!);

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

    /// <summary>A board of <paramref name="inTeams"/> members with a Teams id, plus one in 25 more who have only an email.</summary>
    private static List<ContactDocument> Board(int inTeams) =>
        Enumerable.Range(1, inTeams + inTeams / 25).Select(m => new ContactDocument
        {
            Name = $"Board member {m}", Email = $"board{m}@example.org", TeamsUserId = m <= inTeams ? Guid.NewGuid().ToString() : null,
        }).ToList();
}
