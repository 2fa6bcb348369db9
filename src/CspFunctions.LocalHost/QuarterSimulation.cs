using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.LocalHost.Demo;
using CspFunctions.LocalHost.Replies;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using CspFunctions.Setup;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MimeKit;

namespace CspFunctions.LocalHost;

/// <summary>
/// "simulate-quarter": walks one round of a copy of the sample plan day by day on a simulated clock, running the chase
/// sweep each UK morning and sending the queued reminders into the run's own outbox folder, while some leads answer:
/// one by its link and one by a reply on the first days, one with an out-of-office reply (its deputy is told, its
/// chasing pauses), one by link after the due date; the rest are chased to escalation. Answers go through the app's real
/// HTTP endpoints (the form's POST, SendGrid Inbound Parse's post). The run has its own table prefix, so the local data
/// is not touched; the local host serves the run's tables under /sim/{run}/, which is where the run's links point.
/// </summary>
public static class QuarterSimulation
{
    public const string RunFile = "run.txt";

    public static string OutboxFolder(string repoRoot, string run) => Path.Combine(repoRoot, ".outbox", "simulation-" + run);

    public static async Task<SimulationResult> RunAsync(string repoRoot, string? roundId, TextWriter output, CancellationToken ct = default, string publicBaseUrl = "http://localhost:7071")
    {
        var realToday = LondonClock.DateOf(DateTimeOffset.UtcNow);
        FinancialQuarter quarter;
        if (roundId is null) quarter = DemoRound.QuarterFor(realToday);
        else if (!FinancialQuarter.TryParseRoundId(roundId, out quarter))
        {
            await output.WriteLineAsync($"'{roundId}' is not a quarter like 2018-19-Q3. Leave it out to simulate the quarter that has just ended ({DemoRound.QuarterFor(realToday)}).");
            return SimulationResult.Failed(2);
        }
        // The quarter that has just ended starts today, so its links still work when opened from the outbox afterwards;
        // an older quarter is walked on its own dates (its links have expired by now, and the summary says so).
        var current = quarter == DemoRound.QuarterFor(realToday);
        var start = current ? (UkWorkingDays.IsWorkingDay(realToday) ? realToday : UkWorkingDays.Add(realToday, 1)) : RoundOpening.OpensOn(quarter);
        var due = current ? UkWorkingDays.Add(start, ChasingPolicy.Default.DueWorkingDaysAfterQuarterEnd) : RoundOpening.DueDateFor(quarter, ChasingPolicy.Default);

        var run = "sim" + Guid.NewGuid().ToString("N")[..8];
        var outboxPath = OutboxFolder(repoRoot, run);
        Directory.CreateDirectory(outboxPath);
        await File.WriteAllTextAsync(Path.Combine(outboxPath, RunFile), $"{quarter.RoundId} simulated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC{Environment.NewLine}", ct);
        var clock = new SimulatedClock(At(start, 9));
        await using var app = LocalFunctionHost.Build(new LocalHostOptions
        {
            RepoRoot = repoRoot,
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
            RunQueues = false,
            Overrides = SimulationRuns.Settings(run, outboxPath, publicBaseUrl),
            ConfigureServices = services => services.AddSingleton<TimeProvider>(clock).AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)),
        });
        await app.StartAsync(ct);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        using var http = new HttpClient { BaseAddress = address };
        var services = app.Services;

        PlanDocument sample;
        await using (var stream = File.OpenRead(RepoPaths.SamplePlan(repoRoot))) sample = PlanReader.ReadJson(stream);
        var document = DemoRound.CopyOf(sample, quarter);
        var withActions = document.Leads!.Where(l => document.Actions!.Any(a => a.LeadIds?.Contains(l.Id!) == true)).ToList();
        if (withActions.Count < 6)
        {
            await output.WriteLineAsync("The sample plan needs at least six leads with actions for the simulation.");
            return SimulationResult.Failed(1);
        }
        var (byLink, byReply, away, deputy, late) = (withActions[0], withActions[1], withActions[2], withActions[3], withActions[4]);
        away.DeputyLeadId = deputy.Id;
        await services.GetRequiredService<PlanImporter>().ImportAsync(document, ct);
        var planId = document.Id!;
        await services.GetRequiredService<IPlanStore>().SaveRoundAsync(ReportingRound.For(planId, quarter, due), ifMatch: null, ct);
        var plan = (await services.GetRequiredService<IPlanStore>().GetAsync(planId, ct))!.Plan;

        var sweep = services.GetRequiredService<ChaseSweep>();
        var sender = services.GetRequiredService<ReminderSender>();
        var digests = services.GetRequiredService<DigestSender>();
        var queue = services.GetRequiredService<StorageClients>().Queues.GetQueueClient(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value.Reminders);
        var outbox = new LocalOutbox(outboxPath, clock);
        var poster = new InboundParsePoster(http, address, SimulationRuns.FunctionKey(services));
        var names = plan.Leads.ToDictionary(l => l.Id, l => l.Name);
        var received = plan.Leads.ToDictionary(l => l.Id, _ => new List<string>());
        var answered = new HashSet<string>(StringComparer.Ordinal);

        await output.WriteLineAsync($"Simulating {quarter.RoundId} of a copy of the sample plan (run {run}): round opens {start:ddd d MMM yyyy}, updates due {due:ddd d MMM yyyy}.");
        await output.WriteLineAsync($"  Answering: {byLink.Name} by link on day 2, {byReply.Name} by email reply on day 4, {late.Name} by link after the due date;");
        await output.WriteLineAsync($"  {away.Name} sends an out-of-office on day 2 (deputy: {deputy.Name}); everyone else is chased.");
        var workingDay = 0;
        for (var day = start; day <= due.AddDays(21); day = day.AddDays(1))
        {
            if (!UkWorkingDays.IsWorkingDay(day)) continue;
            workingDay++;
            clock.Now = At(day, 9);
            var mailBefore = Count(outbox.MailFolder);
            var teamsBefore = Count(outbox.TeamsFolder);
            var lines = new List<string>();

            await sweep.RunAsync("simulation", ct);
            var sent = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            for (var messages = (await queue.ReceiveMessagesAsync(32, cancellationToken: ct)).Value; messages.Length > 0; messages = (await queue.ReceiveMessagesAsync(32, cancellationToken: ct)).Value)
            {
                foreach (var message in messages)
                {
                    var request = ReminderRequest.Parse(message.Body.ToString());
                    // Only the simulated round is walked (the sweep may open the next quarter's round near the end).
                    if (request.RoundId == quarter.RoundId && await sender.HandleAsync(request, message.MessageId, ct) == ReminderOutcome.Sent && request.Channel == ReminderChannel.Email)
                    {
                        (sent.TryGetValue(request.StageId, out var leads) ? leads : sent[request.StageId] = []).Add(request.LeadId);
                        received[request.LeadId].Add(request.StageId);
                    }
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                }
            }
            foreach (var (stage, leads) in sent)
            {
                var notChased = plan.Leads.Where(l => plan.ActionsLedBy(l.Id).Any() && !leads.Contains(l.Id))
                    .Select(l => $"{names[l.Id]} ({(answered.Contains(l.Id) ? "answered" : l.Id == away.Id ? "away" : "not due")})").ToList();
                lines.Add($"{stage} to {leads.Count} lead(s){(notChased.Count > 0 && stage != "opening" ? "; not chased: " + string.Join(", ", notChased) : "")}");
            }
            if (await digests.RunAsync("simulation", ct) > 0) lines.Add("the managers' weekly digest");

            clock.Now = At(day, 11);
            if (workingDay == 2) { lines.Add(await AnswerByLinkAsync(http, outbox, plan, byLink, ct)); answered.Add(byLink.Id!); }
            if (workingDay == 2) lines.Add(await OutOfOfficeAsync(poster, outbox, away, due.AddDays(28), clock.Now, deputy, ct));
            if (workingDay == 4) { lines.Add(await AnswerByReplyAsync(poster, outbox, plan, byReply, clock.Now, ct)); answered.Add(byReply.Id!); }
            if (day == UkWorkingDays.Add(due, 1)) { lines.Add(await AnswerByLinkAsync(http, outbox, plan, late, ct)); answered.Add(late.Id!); }

            var mail = Count(outbox.MailFolder) - mailBefore;
            var teams = Count(outbox.TeamsFolder) - teamsBefore;
            if (lines.Count > 0)
                await output.WriteLineAsync($"  {day:ddd d MMM yyyy}: {string.Join("; ", lines)} ({mail} email(s), {teams} Teams notification(s))");
        }

        await output.WriteLineAsync("What each lead received:");
        foreach (var lead in plan.Leads.Where(l => received[l.Id].Count > 0 || plan.ActionsLedBy(l.Id).Any()))
            await output.WriteLineAsync($"  {lead.Name}: {(received[lead.Id].Count == 0 ? "nothing" : string.Join(", ", received[lead.Id]))}");
        await output.WriteLineAsync($"Every message is in {outboxPath} (.eml files open in any mail program) and in the local host's outbox under run {run}.");
        await output.WriteLineAsync(current
            ? $"Their links open the run's forms at {publicBaseUrl}/{SimulationRuns.PathPrefix}/{run}/api/... while the local host runs."
            : $"This quarter is in the past, so the links in its mail have expired; leave the quarter out to simulate one whose links work.");
        await app.StopAsync(ct);
        return new SimulationResult(0, run, outboxPath, planId, quarter.RoundId, received.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Value),
            new SimulationCast(byLink.Id!, byReply.Id!, away.Id!, deputy.Id!, late.Id!));
    }

    private static async Task<string> AnswerByLinkAsync(HttpClient http, LocalOutbox outbox, Plan plan, LeadDocument lead, CancellationToken ct)
    {
        var reminder = LatestTo(outbox, lead) ?? throw new InvalidOperationException($"{lead.Name} has no reminder to answer.");
        var link = ResponseLinkIn(reminder) ?? throw new InvalidOperationException($"The reminder to {lead.Name} has no form link.");
        var token = link[(link.LastIndexOf('/') + 1)..];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var action in plan.ActionsLedBy(lead.Id!))
        {
            fields.Add(new(Responses.FormSubmission.StatusField(action.Number), nameof(ProgressStatus.OnTrack)));
            fields.Add(new(Responses.FormSubmission.RagField(action.Number), nameof(Rag.Green)));
            fields.Add(new(Responses.FormSubmission.TextField(action.Number), $"Simulated update for action {action.Ref}: delivery continues as planned."));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/respond/" + token) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode
            ? $"{lead.Name} answered by link ({plan.ActionsLedBy(lead.Id!).Count()} action(s)): its chasing stops"
            : throw new InvalidOperationException($"The form refused {lead.Name}'s answer: HTTP {(int)response.StatusCode}.");
    }

    private static async Task<string> AnswerByReplyAsync(InboundParsePoster poster, LocalOutbox outbox, Plan plan, LeadDocument lead, DateTimeOffset now, CancellationToken ct)
    {
        var reminder = LatestTo(outbox, lead) ?? throw new InvalidOperationException($"{lead.Name} has no reminder to answer.");
        var body = string.Join("\n\n", plan.ActionsLedBy(lead.Id!).Select(a => $"Action {a.Ref}: Simulated reply. The work is on track and the next steps are agreed."));
        var result = await poster.PostAsync(ReplyBuilder.Build(reminder, new ReplyDraft(body, $"Kind regards\n{lead.Contacts![0].Name}\n{lead.Name}"), now), ct);
        return result.State == nameof(InboundState.Applied)
            ? $"{lead.Name} replied by email ({result.Reason}): its chasing stops"
            : throw new InvalidOperationException($"The reply from {lead.Name} was not applied: {result}.");
    }

    private static async Task<string> OutOfOfficeAsync(InboundParsePoster poster, LocalOutbox outbox, LeadDocument lead, DateOnly back, DateTimeOffset now, LeadDocument deputy, CancellationToken ct)
    {
        var reminder = LatestTo(outbox, lead) ?? throw new InvalidOperationException($"{lead.Name} has no reminder to answer.");
        var result = await poster.PostAsync(ReplyBuilder.OutOfOffice(reminder, back, now), ct);
        return result.State == nameof(InboundState.AutoReply)
            ? $"{lead.Name}'s out-of-office (back {back:d MMM}): chasing paused, deputy {deputy.Name} told"
            : throw new InvalidOperationException($"The out-of-office from {lead.Name} was not recognised: {result}.");
    }

    private static MimeMessage? LatestTo(LocalOutbox outbox, LeadDocument lead)
    {
        var emails = lead.Contacts!.Select(c => c.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Directory.GetFiles(outbox.MailFolder, "*.eml").Order(StringComparer.Ordinal).Reverse()
            .Select(path => MimeMessage.Load(path))
            .FirstOrDefault(m => m.To.Mailboxes.Any(a => emails.Contains(a.Address)) && m.Headers.Contains("X-Csp-stage"));
    }

    /// <summary>The personal form link in a reminder's text.</summary>
    public static string? ResponseLinkIn(MimeMessage reminder) =>
        System.Text.RegularExpressions.Regex.Match(reminder.TextBody ?? "", @"https?://\S+/api/respond/[A-Za-z0-9._-]+") is { Success: true } m ? m.Value : null;

    private static DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, LondonClock.Zone.GetUtcOffset(local));
    }

    private static int Count(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
}
