using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Setup;

namespace CspFunctions.LocalHost;

/// <summary>
/// "simulate-quarter": walks one quarter of the sample plan day by day on a simulated clock, running the chase
/// sweep each UK morning and sending the queued reminders into a fresh outbox, so a newcomer sees the whole cadence
/// in seconds. It uses its own table prefix, so the local data is not touched.
/// </summary>
public static class QuarterSimulation
{
    public static async Task<int> RunAsync(string repoRoot, string roundId, TextWriter output, CancellationToken ct = default)
    {
        if (!FinancialQuarter.TryParseRoundId(roundId, out var quarter))
        {
            await output.WriteLineAsync($"'{roundId}' is not a quarter like 2018-19-Q3.");
            return 2;
        }
        var prefix = "sim" + Guid.NewGuid().ToString("N")[..8];
        var outboxPath = Path.Combine(repoRoot, ".outbox", "simulation-" + roundId);
        if (Directory.Exists(outboxPath)) Directory.Delete(outboxPath, recursive: true);
        var clock = new SimulatedClock(new DateTimeOffset(quarter.End.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await using var app = LocalFunctionHost.Build(new LocalHostOptions
        {
            RepoRoot = repoRoot,
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
            RunQueues = false,
            Overrides = new Dictionary<string, string?>
            {
                ["Csp:TablePrefix"] = prefix, ["Csp:Outbox:Path"] = outboxPath, ["Csp:Queues:Reminders"] = prefix + "reminders", ["Csp:Queues:BoardNotices"] = prefix + "boardnotices",
                ["Csp:SendGrid:ApiKey"] = "", ["Csp:Graph:ClientSecret"] = "",
            },
            ConfigureServices = services => services.AddSingleton<TimeProvider>(clock),
        });
        var services = app.Services;
        await using (var sample = File.OpenRead(RepoPaths.SamplePlan(repoRoot)))
            await services.GetRequiredService<PlanImporter>().ImportAsync(PlanReader.ReadJson(sample), ct);

        var sweep = services.GetRequiredService<ChaseSweep>();
        var sender = services.GetRequiredService<ReminderSender>();
        var digests = services.GetRequiredService<DigestSender>();
        var queue = services.GetRequiredService<StorageClients>().Queues.GetQueueClient(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value.Reminders);
        var outbox = new LocalOutbox(outboxPath, clock);
        var due = RoundOpening.DueDateFor(quarter, ChasingPolicy.Default);
        await output.WriteLineAsync($"Simulating {roundId} of the sample plan: quarter ends {quarter.End:ddd d MMM yyyy}, updates due {due:ddd d MMM yyyy}.");

        for (var day = quarter.End.AddDays(1); day <= due.AddDays(21); day = day.AddDays(1))
        {
            var local = day.ToDateTime(new TimeOnly(9, 0));
            clock.Now = new DateTimeOffset(local, LondonClock.Zone.GetUtcOffset(local));
            var mailBefore = Count(outbox.MailFolder);
            var teamsBefore = Count(outbox.TeamsFolder);
            await sweep.RunAsync("simulation", ct);
            var stages = new SortedSet<string>();
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            for (var messages = (await queue.ReceiveMessagesAsync(32, cancellationToken: ct)).Value; messages.Length > 0; messages = (await queue.ReceiveMessagesAsync(32, cancellationToken: ct)).Value)
            {
                foreach (var message in messages)
                {
                    var request = ReminderRequest.Parse(message.Body.ToString());
                    if (await sender.HandleAsync(request, message.MessageId, ct) == ReminderOutcome.Sent) stages.Add(request.StageId);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                }
            }
            var digestsSent = await digests.RunAsync("simulation", ct);
            var mail = Count(outbox.MailFolder) - mailBefore;
            var teams = Count(outbox.TeamsFolder) - teamsBefore;
            if (mail + teams > 0)
                await output.WriteLineAsync($"  {day:ddd d MMM yyyy}: {string.Join(", ", stages.DefaultIfEmpty("digest"))} -> {mail} email(s), {teams} Teams notification(s){(digestsSent > 0 ? ", manager digest" : "")}");
        }
        await output.WriteLineAsync($"Every message is in {outboxPath} (.eml files open in any mail program).");
        return 0;
    }

    private static int Count(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
}
