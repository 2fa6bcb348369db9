using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Setup;
using CspFunctions.Storage;
using CspFunctions.Templating;
using CspFunctions.Workbench;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Bench;

/// <summary>
/// The manager's round page and replies-waiting list for a 35-action plan (10 leads of 2 contacts, three rounds of a
/// year, 200 replies waiting among others already dealt with) on Azurite. Storage requests are held against the
/// partitions the pages must read, and time against the bare Azure.Data.Tables queries of those partitions, issued the
/// same way (the plan first, then the rest at once).
/// </summary>
public sealed class WorkbenchPagesBench : IBenchProgram
{
    private const string PlanId = "bench-workbench";
    private const int Leads = 10;
    private const int Actions = 35;
    private static readonly string[] WaitingColumns = ["RowKey", "Id", "ReceivedAt", "From", "Subject", "LeadId", "State", "Reason", "UnassignedText", "ArchiveBlob", "Handled", "NeedsRealUpdate"];

    public string Name => "workbench-pages";
    public string Description => "round page data and replies waiting for 35 actions and 200 waiting replies on Azurite (args: [waiting=200] [timed runs=101])";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var waitingCount = options.Int(0, full: 200, smoke: 20);
        var runs = options.Int(1, full: 101, smoke: 3);
        var report = new BenchReport(Name, "Manager's workbench: round page and replies waiting", "dotnet run -c Release --project bench/CspFunctions.Bench -- workbench-pages");
        await using var azurite = await Azurite.EnsureRunningAsync(RepoPaths.FindRoot(), Path.Combine(Path.GetTempPath(), "csp-bench-azurite"), Console.WriteLine);

        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Csp:TablePrefix"] = prefix, ["Csp:Queues:Reminders"] = prefix + "reminders", ["Csp:Queues:BoardNotices"] = prefix + "boardnotices",
            ["Csp:LinkSigning:ActiveKeyId"] = "b", ["Csp:LinkSigning:Keys:b"] = new string('k', 40),
        }).Build();
        var counter = new StorageRequestCounter();
        await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCspFunctions(config)
            .AddSingleton(StorageClients.Create(config, counter))
            .BuildServiceProvider();
        var tables = services.GetRequiredService<StorageClients>().Tables;
        var names = services.GetRequiredService<StorageNames>();
        try
        {
            var seeded = await SeedAsync(services, waitingCount);
            var overview = services.GetRequiredService<RoundOverview>();
            var desk = services.GetRequiredService<RepliesDesk>();
            var roundId = seeded.OpenRound;

            // Warm up: tables created, code paths jitted, connections open.
            for (var i = 0; i < 5; i++)
            {
                await overview.LoadAsync(PlanId, roundId);
                await desk.ListAsync(PlanId);
                await BareRoundPageAsync(tables, names, roundId, seeded.PreviousRound);
                await BareRepliesAsync(tables, names, seeded.Rounds);
            }

            // 1. The round page. Must read: the plan's partition (the round, the leads, their contacts), this round's and
            // last quarter's updates (the page shows the direction of travel), the round's reminder log (reminders sent) and
            // the contact-health table (bounces; it holds only problem addresses, so one page).
            counter.Reset();
            var view = (await overview.LoadAsync(PlanId, roundId))!;
            var roundRequests = counter.Work;
            report.Figure("Round page data: storage requests vs the partitions it must read (plan, 2 x updates, reminder log, contact health)", roundRequests, 5, "requests", maxRatio: 1.0);
            var rows = view.Rows(RoundFilter.None);
            var leads = view.Leads();
            report.Check($"the round page lists all {Actions} actions, {seeded.Answered} of them answered", rows.Count == Actions && rows.Count(r => r.Answered) == seeded.Answered);
            report.Check($"every answered action shows last quarter's update beside this round's", rows.Where(r => r.Answered).All(r => r.LastQuarter is not null));
            report.Check($"the {seeded.Bounced} bounced contacts of the plan are shown, and none of the other plans' bounces", view.Issues.Count == seeded.Bounced);
            report.Check($"the {seeded.RemindersSent} reminders sent are counted per lead", leads.Sum(l => l.RemindersSent) == seeded.RemindersSent);
            var filtered = view.Rows(new RoundFilter(Rag: Rag.Red));
            report.Check("the RAG filter keeps exactly the actions answered Red", filtered.Count == rows.Count(r => r.Latest?.Rag == Rag.Red) && filtered.All(r => r.Latest!.Rag == Rag.Red));

            // 2. Replies waiting. Must read: the plan's partition (its rounds and leads) and, for each round, the inbound-log
            // partition, since a reply to an earlier round may still wait.
            counter.Reset();
            var listed = (await desk.ListAsync(PlanId))!.Value.Replies;
            var replyRequests = counter.Work;
            report.Figure($"Replies waiting: storage requests vs the partitions it must read (plan + {seeded.Rounds.Count} rounds' inbound log)", replyRequests, 1 + seeded.Rounds.Count, "requests", maxRatio: 1.0);
            report.Check($"exactly the {waitingCount} waiting replies are listed, {listed.Count(r => r.IsNoChangeWithoutPrevious)} of them \"no change\" with nothing to carry forward (not the {seeded.Forwarded} forwarded nor the {seeded.Dealt} applied or discarded)",
                listed.Count == waitingCount && listed.All(r => r.IsWaiting) && listed.Count(r => r.IsNoChangeWithoutPrevious) == (waitingCount + 19) / 25);
            report.Check("newest first", listed.Zip(listed.Skip(1)).All(p => p.First.ReceivedAt >= p.Second.ReceivedAt));
            var planPageCount = (await services.GetRequiredService<IHeldReplies>().ListAsync(PlanId)).Count;
            report.Check($"the plan page's count of waiting replies ({planPageCount}) agrees with the list", planPageCount == listed.Count);

            // 3. Time: each page's data against the bare queries of the same partitions, interleaved, medians.
            var roundTimes = new List<double>();
            var roundBare = new List<double>();
            var replyTimes = new List<double>();
            var replyBare = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var w = Stopwatch.StartNew();
                var v = await overview.LoadAsync(PlanId, roundId);
                _ = v!.Rows(RoundFilter.None);
                _ = v.Leads();
                roundTimes.Add(w.Elapsed.TotalMilliseconds);
                w.Restart();
                await BareRoundPageAsync(tables, names, roundId, seeded.PreviousRound);
                roundBare.Add(w.Elapsed.TotalMilliseconds);
                w.Restart();
                await desk.ListAsync(PlanId);
                replyTimes.Add(w.Elapsed.TotalMilliseconds);
                w.Restart();
                await BareRepliesAsync(tables, names, seeded.Rounds);
                replyBare.Add(w.Elapsed.TotalMilliseconds);
            }
            report.Figure($"Round page data and its rows, median of {runs}, vs the bare queries of the same partitions", Median(roundTimes), Median(roundBare), "ms", maxRatio: 1.3);
            report.Figure($"Replies waiting ({waitingCount}), median of {runs}, vs the bare queries of the same partitions", Median(replyTimes), Median(replyBare), "ms", maxRatio: 1.3);
            // 4. The whole page as the function makes it: the data, the view model and the template in the layout (no HTTP).
            var links = new ManagerLinks();
            var now = DateTimeOffset.UtcNow;
            var roundPages = new List<double>();
            var replyPages = new List<double>();
            string roundHtml = "", repliesHtml = "";
            for (var run = 0; run < runs; run++)
            {
                var w = Stopwatch.StartNew();
                var v = (await overview.LoadAsync(PlanId, roundId))!;
                var page = ManageRoundPage.Of(v, null, null, null, null, null, links, now);
                roundHtml = PageRenderer.Render(ManageRoundPage.Template, page, links.Layout(page.Title, v.Plan));
                roundPages.Add(w.Elapsed.TotalMilliseconds);
                w.Restart();
                var (stored, replies) = (await desk.ListAsync(PlanId))!.Value;
                var repliesPage = RepliesPage.For(stored.Plan, replies, null, links);
                repliesHtml = PageRenderer.Render(RepliesPage.Template, repliesPage, links.Layout(repliesPage.Title, stored.Plan));
                replyPages.Add(w.Elapsed.TotalMilliseconds);
            }
            report.Figure($"Round page, data and render, median of {runs}, vs the bare queries (diagnostic)", Median(roundPages), Median(roundBare), "ms");
            report.Figure($"Replies-waiting page ({waitingCount}), data and render, median of {runs}, vs the bare queries (diagnostic)", Median(replyPages), Median(replyBare), "ms");
            report.Check($"the rendered round page lists the {Actions} actions", Regex.Matches(roundHtml, ": history of action ").Count == Actions);
            report.Check($"the rendered replies page links each of the {waitingCount} replies", Regex.Matches(repliesHtml, ">Deal with this reply<").Count == waitingCount);

            report.Note($"Data: one plan of {Actions} actions and {Leads} leads of 2 contacts; rounds {string.Join(", ", seeded.Rounds)} ({roundId} open); {seeded.Answered} actions answered in {roundId} " +
                $"and all in {seeded.PreviousRound}; {seeded.RemindersSent} reminders sent; {seeded.Bounced} bounced contacts among {seeded.OtherBounces} other plans' bounce rows; " +
                $"{waitingCount} replies waiting across the rounds, beside {seeded.Forwarded} forwarded and {seeded.Dealt} applied or discarded in the same partitions. " +
                "The bare queries select the same columns with the same filters and only enumerate the entities; the difference is turning them into the page's records.");
            return await report.FinishAsync(options);
        }
        finally
        {
            foreach (var table in names.All) await tables.DeleteTableAsync(table);
        }
    }

    private sealed record Seeded(IReadOnlyList<string> Rounds, string OpenRound, string PreviousRound, int Answered, int RemindersSent, int Bounced, int OtherBounces, int Forwarded, int Dealt);

    private static async Task<Seeded> SeedAsync(IServiceProvider services, int waiting)
    {
        await services.GetRequiredService<PlanImporter>().ImportAsync(Plan());
        var store = services.GetRequiredService<IPlanStore>();
        var progress = services.GetRequiredService<IProgressStore>();
        var year = new FinancialYear(2019);
        var quarters = new[] { year.Quarter(1), year.Quarter(2), year.Quarter(3) };
        foreach (var q in quarters)
            await store.SaveRoundAsync(ReportingRound.For(PlanId, q, RoundOpening.DueDateFor(q, ChasingPolicy.Default), q == quarters[^1] ? RoundState.Open : RoundState.Closed), null);
        var rounds = quarters.Select(q => q.RoundId).ToList();
        var open = rounds[^1];
        var previous = rounds[^2];
        var at = new DateTimeOffset(2019, 10, 1, 9, 0, 0, TimeSpan.Zero);

        // Every action answered in the earlier rounds; 25 of 35 in the open one, some of them twice.
        foreach (var round in rounds)
        {
            var count = round == open ? 25 : Actions;
            var first = Enumerable.Range(1, count).Select(n => Update(round, n, 1, at)).ToList();
            await progress.AddAllAsync(first);
            await progress.AddAllAsync(first.Where(u => u.ActionNumber % 4 == 0).Select(u => u with { Version = 2, Rag = Rag.Red, Text = u.Text + " Corrected." }).ToList());
        }

        var log = services.GetRequiredService<IReminderLog>();
        var sent = 0;
        foreach (var lead in Enumerable.Range(1, Leads))
            foreach (var stage in new[] { ChaseStageKey.Opening, ChaseStageKey.Reminder })
            {
                await log.MarkAsync(PlanId, open, $"lead-{lead}|{stage.Id}|email", ReminderState.Sent, null);
                sent++;
            }

        var health = services.GetRequiredService<TableContactHealth>();
        var bounced = new[] { 2, 5, 7 }.Select(l => new ContactProblem(PlanId, $"contact1.lead{l}@example.org", "bounce", "550 no such user", at, $"lead-{l}")).ToList();
        var others = Enumerable.Range(0, 60).Select(i => new ContactProblem($"other-plan-{i % 6}", $"someone{i}@example.org", "dropped", null, at, "x")).ToList();
        await health.RecordAsync([.. bounced, .. others]);

        // Replies: the waiting ones spread over the rounds (most in the open one), then some dealt with in the same partitions.
        var inbound = services.GetRequiredService<IInboundLog>();
        var forwarded = Math.Max(2, waiting / 20);
        var dealt = waiting / 2;
        var messages = new List<InboundMessage>();
        for (var i = 0; i < waiting + forwarded + dealt; i++)
        {
            var round = (i % 10) switch { 0 => rounds[0], 1 or 2 => rounds[1], _ => open };
            var lead = i % Leads + 1;
            // Among the waiting: held senders, unplaced text, and "no change" answers with nothing to carry forward (applied, but waiting).
            var noChange = i < waiting && i % 25 == 5;
            var state = i >= waiting + forwarded ? (i % 3 == 0 ? InboundState.Rejected : InboundState.Applied) : noChange ? InboundState.Applied : i % 4 == 0 ? InboundState.HeldForReview : InboundState.Unassigned;
            var from = state == InboundState.HeldForReview ? $"stranger{i}@example.org" : $"contact1.lead{lead}@example.org";
            messages.Add(new InboundMessage(Guid.NewGuid().ToString("N"), $"<m{i}@example.org>", at.AddMinutes(i * 7), $"inbound/2019/10/m{i}.eml", from, "RE: Progress update needed",
                PlanId, round, $"lead-{lead}", state, state == InboundState.HeldForReview ? "The sender is not a contact of the lead" : "Part of the reply could not be placed on an action")
            {
                UnassignedText = state is InboundState.Unassigned or InboundState.HeldForReview ? $"Reply {i}: the partnership met twice this quarter and the referral pathway is agreed; two of the three workshops ran." : null,
                NeedsRealUpdate = noChange ? [lead] : [],
            });
        }
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (m, ct) =>
        {
            var claim = await inbound.ClaimAsync(m, m.ReceivedAt.AddMinutes(5), ct);
            await inbound.CompleteAsync(claim, m, ct);
        });
        var desk = services.GetRequiredService<RepliesDesk>();
        var toForward = (await desk.ListAsync(PlanId))!.Value.Replies.Where(r => r.State == InboundState.Unassigned).Take(forwarded).ToList();
        foreach (var r in toForward)
        {
            var outcome = await desk.ForwardAsync(PlanId, r.RoundId, r.Key, "bench.manager@example.org");
            if (!outcome.IsSaved) throw new InvalidOperationException("Could not forward a seeded reply: " + outcome.Conflict);
        }
        return new Seeded(rounds, open, previous, 25, sent, bounced.Count, others.Count, forwarded, dealt);
    }

    private static ProgressUpdate Update(string round, int action, int version, DateTimeOffset at) =>
        new(PlanId, round, action, version, action % 7 == 0 ? ProgressStatus.AtRisk : ProgressStatus.OnTrack, action % 5 == 0 ? Rag.Red : action % 3 == 0 ? Rag.Amber : Rag.Green,
            $"Action {action} in {round}: the work is under way, two sessions held, the next due next month.", $"Contact {action % Leads + 1}",
            $"contact1.lead{action % Leads + 1}@example.org", at, UpdateChannel.Form);

    /// <summary>The same partitions as <see cref="RoundOverview"/>, with the SDK alone: the plan, then the rest at once.</summary>
    private static async Task BareRoundPageAsync(TableServiceClient tables, StorageNames names, string roundId, string previousId)
    {
        await DrainAsync(tables.GetTableClient(names.Plans).QueryAsync<TableEntity>(e => e.PartitionKey == PlanId));
        var updates = tables.GetTableClient(names.Updates);
        string thisRound = PlanId + "|" + roundId, lastRound = PlanId + "|" + previousId;
        await Task.WhenAll(
            DrainAsync(updates.QueryAsync<TableEntity>(e => e.PartitionKey == thisRound)),
            DrainAsync(updates.QueryAsync<TableEntity>(e => e.PartitionKey == lastRound)),
            DrainAsync(tables.GetTableClient(names.ReminderLog).QueryAsync<TableEntity>(e => e.PartitionKey == thisRound)),
            DrainAsync(tables.GetTableClient(names.ContactHealth).QueryAsync<TableEntity>(maxPerPage: 1000, select: ["RowKey", "Kind", "At"])));
    }

    /// <summary>The same partitions as the replies-waiting list, with the SDK alone: the plan, then each round's log at once.</summary>
    private static async Task BareRepliesAsync(TableServiceClient tables, StorageNames names, IReadOnlyList<string> rounds)
    {
        await DrainAsync(tables.GetTableClient(names.Plans).QueryAsync<TableEntity>(e => e.PartitionKey == PlanId));
        var log = tables.GetTableClient(names.InboundLog);
        await Task.WhenAll(rounds.Select(r => DrainAsync(log.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {PlanId + "|" + r} and (State eq {nameof(InboundState.Unassigned)} or State eq {nameof(InboundState.HeldForReview)} or NeedsRealUpdate gt {""})"),
            maxPerPage: 1000, select: WaitingColumns))));
    }

    private static async Task DrainAsync(Azure.AsyncPageable<TableEntity> query)
    {
        await foreach (var _ in query) { }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static PlanDocument Plan() => new()
    {
        Id = PlanId,
        Name = "Workbench benchmark plan",
        FinancialYearStart = 2019,
        Managers = [new() { Name = "Manager", Email = "bench.manager@example.org" }],
        Priorities = [new() { Id = "p1", Title = "Safer streets" }, new() { Id = "p2", Title = "Violence" }, new() { Id = "p3", Title = "Exploitation" }],
        Leads = Enumerable.Range(1, Leads).Select(l => new LeadDocument
        {
            Id = $"lead-{l}", Name = $"Lead organisation {l}",
            Contacts = [new() { Name = $"Contact {l}", Email = $"contact1.lead{l}@example.org" }, new() { Name = $"Deputy contact {l}", Email = $"contact2.lead{l}@example.org" }],
        }).ToList(),
        Actions = Enumerable.Range(1, Actions).Select(n => new ActionDocument
        {
            Number = n, PriorityId = $"p{n % 3 + 1}", Text = $"Action {n}: deliver the thing, with a sentence or two of detail as real plans have.",
            LeadIds = [$"lead-{n % Leads + 1}"],
        }).ToList(),
    };
}
