using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.Observability;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Tests.Infrastructure;

namespace CspFunctions.Tests.Chasing;

/// <summary>A whole quarter walked day by day on Azurite: the ChaseSweep timer and the SendReminder queue function run by the
/// local host's runners, SendGrid and Graph SDK clients against WireMock stubs.</summary>
[Collection(StorageCollection.Name)]
public sealed class ChasingWalkTests(StorageFixture storage)
{
    private static readonly FinancialQuarter Q1 = new FinancialYear(2019).Quarter(1);

    [Fact]
    public async Task Each_lead_hears_each_stage_once_and_stops_when_it_answers()
    {
        await using var bed = new ChasingTestBed(storage);
        using var counters = new MeterRecorder(bed.Get<CspTelemetry>().Meter);
        var plan = await bed.ImportAsync(ChasingTestBed.SmallPlan("walk-" + StorageFixture.NewPrefix()));
        var progress = bed.Get<IProgressStore>();
        var round = ReportingRound.For(plan.Id, Q1, RoundOpening.DueDateFor(Q1, ChasingPolicy.Default));
        var timeline = ChaseSchedule.Timeline(round, ChasingPolicy.Default).ToDictionary(t => t.Date, t => t.Stage.Id);
        var sentOn = new List<(DateOnly Day, string To, string Stage, string Channel)>();

        for (var day = Q1.End.AddDays(-2); day <= round.DueDate.AddDays(30); day = day.AddDays(1))
        {
            bed.SetLondonMorning(day);
            var before = bed.Sent().GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Count());
            await bed.SweepAsync();
            await bed.SweepAsync(isPastDue: true); // the timer fires twice
            await bed.DrainAsync(deliverTwice: day.Day % 2 == 0); // and some messages are delivered twice
            sentOn.AddRange(bed.Sent().GroupBy(s => s.Channel).SelectMany(g => g.Skip(before.GetValueOrDefault(g.Key))).Select(s => (day, s.To, s.Stage, s.Channel)));

            // Housing answers its only action the day after the reminder; the council answers on the opening day.
            if (day == timeline.First(t => t.Value == "reminder").Key.AddDays(1) || day == timeline.First(t => t.Value == "opening").Key)
            {
                var number = day == timeline.First(t => t.Value == "opening").Key ? 4 : 3;
                await progress.AddAsync(new ProgressUpdate(plan.Id, round.Id, number, 1, ProgressStatus.OnTrack, Rag.Green, "Done.", "lead", null, bed.Clock.GetUtcNow(), UpdateChannel.Form), 0);
            }
        }

        Assert.All(sentOn, s => Assert.True(UkWorkingDays.IsWorkingDay(s.Day), $"sent on {s.Day}, not a working day"));
        Assert.All(sentOn.Where(s => s.Channel == "email"), s => Assert.Equal(timeline[s.Day], s.Stage));

        // Police never answer: every stage once by email and once in Teams.
        Assert.Equal(["opening", "reminder", "due", "overdue-1", "overdue-2", "escalation"], sentOn.Where(s => s.To == "pat@example.org").Select(s => s.Stage));
        Assert.Equal(["updateRequested", "reminderDue", "reminderDue", "updateOverdue", "updateOverdue", "escalation"],
            sentOn.Where(s => s.Channel == "teams").Select(s => s.Stage));
        // Housing (two contacts) is chased until it answers, one message per contact per stage.
        Assert.Equal(["opening", "reminder"], sentOn.Where(s => s.To == "hal@example.org").Select(s => s.Stage));
        Assert.Equal(["opening", "reminder"], sentOn.Where(s => s.To == "hana@example.org").Select(s => s.Stage));
        // The council answered on the opening day after the morning sweep: it got the opening request only.
        Assert.Equal(["opening"], sentOn.Where(s => s.To == "cy@example.org").Select(s => s.Stage));
        // The escalation copies the manager, once.
        var escalation = bed.Stubs.AcceptedMail.Select(m => m.GetProperty("personalizations")[0]).Single(p => p.GetProperty("custom_args").GetProperty("stage").GetString() == "escalation");
        Assert.Equal("manager@example.org", escalation.GetProperty("cc")[0].GetProperty("email").GetString());
        Assert.Equal(sentOn.Count, sentOn.Distinct().Count());

        // The functions' own work: one correlation id per timer run, carried by every message to the send that it caused.
        var sweeps = bed.Logs.Entries.Where(e => e.Category == typeof(ChaseSweepTimer).FullName && e.Message.StartsWith("Chase sweep", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * (round.DueDate.AddDays(30).DayNumber - Q1.End.AddDays(-2).DayNumber + 1), sweeps.Count);
        var sweepIds = sweeps.Select(e => (string?)e.Property(LogIds.CorrelationIdKey)).ToList();
        Assert.All(sweepIds, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(sweepIds.Count, sweepIds.Distinct().Count());
        var sends = bed.Logs.Entries.Where(e => e.Category == typeof(SendReminderFunction).FullName && e.Message.StartsWith("Reminder ", StringComparison.Ordinal) && e.Message.Contains(": Sent")).ToList();
        Assert.Equal(sentOn.Count(s => s.Channel == "teams") + sentOn.Where(s => s.Channel == "email").Select(s => (Lead: LeadOf(s.To), s.Stage)).Distinct().Count(), sends.Count);
        Assert.All(sends, e => Assert.Contains((string?)e.Property(LogIds.CorrelationIdKey), sweepIds));
        Assert.All(sends, e => Assert.Equal(plan.Id, e.Property(LogIds.PlanIdKey)));
        // The counter the operators alert on: one per reminder message sent, by stage id.
        Assert.Equal(sentOn.Where(s => s.Channel == "email").GroupBy(s => s.Stage).ToDictionary(g => g.Key, g => (long)g.Select(s => LeadOf(s.To)).Distinct().Count()),
            counters.Measurements.Where(m => m.Instrument == "reminders_sent" && Equals(m.Tags["channel"], "email")).GroupBy(m => (string)m.Tags["stage"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value)));
        Assert.Equal(sentOn.Count(s => s.Channel == "teams"), counters.Sum("reminders_sent", t => Equals(t["channel"], "teams")));
        // Nothing is left on the queue the binding names, and nothing went to another queue.
        Assert.Equal(0, await bed.DrainAsync());
    }

    private static string LeadOf(string email) => email switch
    {
        "pat@example.org" => "police",
        "hal@example.org" or "hana@example.org" => "housing",
        "cy@example.org" => "council",
        _ => email,
    };

    [Fact]
    public async Task A_provider_failure_is_retried_until_sent_and_never_duplicated()
    {
        await using var bed = new ChasingTestBed(storage);
        var plan = await bed.ImportAsync(ChasingTestBed.SmallPlan("fail-" + StorageFixture.NewPrefix()));
        bed.SetLondonMorning(new DateOnly(2019, 7, 1));
        bed.Stubs.SendGridFault = n => n <= 4 ? (500, null) : null; // the first message exhausts the handler's 4 attempts

        await bed.Get<ChaseSweep>().RunAsync("c1");
        var messages = (await bed.Queue.ReceiveMessagesAsync(32)).Value;
        Assert.Equal(4, messages.Length); // police email + teams, housing email, council email
        var failed = new List<(ReminderRequest Request, string MessageId)>();
        foreach (var message in messages)
        {
            var request = ReminderRequest.Parse(message.Body.ToString());
            try { await bed.Get<ReminderSender>().HandleAsync(request, message.MessageId); }
            catch (HttpRequestException) { failed.Add((request, message.MessageId)); continue; } // left on the queue: the runtime redelivers it
            await bed.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
        Assert.Single(failed);

        // The failed one is marked Failed, so the next sweep (or the redelivery) takes it over.
        var log = await bed.Get<IReminderLog>().GetRoundAsync(plan.Id, "2019-20-Q1");
        Assert.Single(log, r => r.State == ReminderState.Failed && r.Contact is null);
        await bed.Get<ChaseSweep>().RunAsync("c2");
        await bed.DrainAsync();
        // When the runtime redelivers the original failed message, it finds the reminder sent and does nothing.
        Assert.Equal(ReminderOutcome.AlreadyDone, await bed.Get<ReminderSender>().HandleAsync(failed[0].Request, failed[0].MessageId));

        var opening = bed.Sent().Where(s => s.Channel == "email").ToList();
        Assert.Equal(["cy@example.org", "hal@example.org", "hana@example.org", "pat@example.org"], opening.Select(s => s.To).Order());
        Assert.All(await bed.Get<IReminderLog>().GetRoundAsync(plan.Id, "2019-20-Q1"), r => Assert.NotEqual(ReminderState.Failed, r.State));
    }

    [Fact]
    public async Task A_permanent_refusal_is_recorded_for_the_manager_and_never_retried()
    {
        await using var bed = new ChasingTestBed(storage);
        var plan = await bed.ImportAsync(ChasingTestBed.SmallPlan("refused-" + StorageFixture.NewPrefix()));
        bed.SetLondonMorning(new DateOnly(2019, 7, 1));
        bed.Stubs.SendGridFault = _ => (400, null); // e.g. the sender address is not verified: SendGrid will never take it

        await bed.SweepAsync();
        Assert.Equal(4, await bed.DrainAsync()); // police email + Teams, housing, council: each taken once, none thrown back
        await bed.SweepAsync(); // a later sweep the same morning
        Assert.Equal(0, await bed.DrainAsync()); // a refused reminder is settled: not enqueued again

        // One attempt per contact (one contact's refusal does not stop the lead's other contacts), no retries by the handler or the queue.
        Assert.Equal(4, bed.Stubs.Requests("/v3/mail/send"));
        var log = await bed.Get<IReminderLog>().GetRoundAsync(plan.Id, "2019-20-Q1");
        Assert.Equal(["council", "housing", "police"], log.Where(r => r.Channel == "email" && r.Contact is null).Select(r => r.LeadId).Order());
        Assert.Equal(["cy@example.org", "hal@example.org", "hana@example.org", "pat@example.org"], log.Where(r => r.Channel == "email" && r.Contact is not null).Select(r => r.Contact).Order());
        Assert.All(log.Where(r => r.Channel == "email"), r => Assert.Equal(ReminderState.Refused, r.State));
        Assert.Equal(ReminderState.Sent, log.Single(r => r.Channel == "teams" && r.Contact is null).State);
        var warnings = (await bed.Get<IReminderLog>().GetWarningsAsync(plan.Id, "2019-20-Q1")).Select(w => w.ToString()).ToList();
        foreach (var lead in new[] { "police", "housing", "council" })
            Assert.Contains(warnings, w => w.Contains(lead) && w.Contains("opening email was refused") && w.Contains("400"));
    }

    [Fact]
    public async Task A_contact_paused_by_an_out_of_office_reply_is_not_chased_until_back_and_then_is()
    {
        await using var bed = new ChasingTestBed(storage);
        var plan = await bed.ImportAsync(ChasingTestBed.SmallPlan("away-" + StorageFixture.NewPrefix()));
        var round = ReportingRound.For(plan.Id, Q1, RoundOpening.DueDateFor(Q1, ChasingPolicy.Default));
        var stages = ChaseSchedule.Timeline(round, ChasingPolicy.Default).ToDictionary(t => t.Stage.Id, t => t.Date);
        // Hal is away from the opening day until two days before the reminder is due.
        var back = stages["reminder"].AddDays(-2);
        await bed.Get<CspFunctions.Responses.IContactPauses>().PauseAsync(plan.Id, "hal@example.org", new DateTimeOffset(back.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "out of office");

        var sent = new List<(DateOnly Day, string To, string Stage)>();
        for (var day = stages["opening"]; day <= stages["reminder"]; day = day.AddDays(1))
        {
            bed.SetLondonMorning(day);
            var before = bed.Sent().Count(s => s.Channel == "email");
            await bed.SweepAsync();
            await bed.DrainAsync();
            sent.AddRange(bed.Sent().Where(s => s.Channel == "email").Skip(before).Select(s => (day, s.To, s.Stage)));
        }

        var housing = sent.Where(s => s.To is "hal@example.org" or "hana@example.org").ToList();
        Assert.Equal([(stages["opening"], "hana@example.org", "opening"), (stages["reminder"], "hal@example.org", "reminder"), (stages["reminder"], "hana@example.org", "reminder")],
            housing.OrderBy(s => s.Day).ThenBy(s => s.To));
    }

    [Fact]
    public async Task The_weekly_digest_goes_once_a_week_however_often_its_timer_fires()
    {
        await using var bed = new ChasingTestBed(storage);
        await bed.ImportAsync(ChasingTestBed.SmallPlan("digest-" + StorageFixture.NewPrefix()));
        bed.Clock.SetUtcNow(new DateTimeOffset(2019, 7, 1, 7, 0, 0, TimeSpan.Zero)); // the sweep's first slot, 08:00 in London
        await bed.SweepAsync(); // opens the round

        var digests = new List<DateOnly>();
        for (var day = new DateOnly(2019, 7, 1); day <= new DateOnly(2019, 8, 30); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue; // the schedule is weekdays only
            var before = bed.Stubs.AcceptedMail.Count(ToTheManager);
            foreach (var utcHour in new[] { 7, 8, 9, 10 }) // every slot of 0 30 7-10 * * 1-5, each fired twice
            {
                bed.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(utcHour, 30)), TimeSpan.Zero));
                await bed.DigestAsync();
                await bed.DigestAsync(isPastDue: true);
            }
            digests.AddRange(Enumerable.Repeat(day, bed.Stubs.AcceptedMail.Count(ToTheManager) - before));
        }

        // Mondays, except the August bank holiday (26 August 2019), when it goes on the Tuesday.
        var expected = Enumerable.Range(0, 9).Select(w => new DateOnly(2019, 7, 1).AddDays(7 * w)).Select(d => d == new DateOnly(2019, 8, 26) ? d.AddDays(1) : d);
        Assert.Equal(expected, digests);

        static bool ToTheManager(System.Text.Json.JsonElement m) =>
            m.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString() == "manager@example.org";
    }

    [Fact]
    public async Task Problems_in_the_plan_become_warnings_the_manager_sees_not_a_crash()
    {
        await using var bed = new ChasingTestBed(storage);
        var document = ChasingTestBed.SmallPlan("warn-" + StorageFixture.NewPrefix());
        var plan = await bed.ImportAsync(document);
        // A second plan with no round to open at this date: noted, not fatal.
        var idle = ChasingTestBed.SmallPlan("idle-" + StorageFixture.NewPrefix());
        idle.FinancialYearStart = 2030;
        await bed.ImportAsync(idle);

        bed.SetLondonMorning(new DateOnly(2019, 7, 1));
        await bed.SweepAsync();
        await bed.DrainAsync();

        var sweepLine = Assert.Single(bed.Logs.Entries, e => e.Category == typeof(ChaseSweepTimer).FullName && e.Message.StartsWith("Chase sweep", StringComparison.Ordinal));
        Assert.Contains($"{idle.Id}: no open round", sweepLine.Message);
        var warnings = (await bed.Get<IReminderLog>().GetWarningsAsync(plan.Id, "2019-20-Q1")).Select(w => w.ToString()).ToList();
        Assert.Contains("lead 'nobody' has no contacts", warnings);
        Assert.Contains("action 5 has no lead", warnings);
        Assert.DoesNotContain(bed.Sent(), s => s.To.Contains("nobody"));
        Assert.Equal(4, bed.Sent().Count(s => s.Channel == "email"));
    }

    [Fact]
    public async Task Outside_the_UK_morning_or_on_a_bank_holiday_nothing_is_sent()
    {
        await using var bed = new ChasingTestBed(storage);
        await bed.ImportAsync(ChasingTestBed.SmallPlan("quiet-" + StorageFixture.NewPrefix()));
        bed.SetLondonMorning(new DateOnly(2019, 7, 1), hour: 14);
        Assert.Same(SweepResult.OutsideWindow, await bed.Get<ChaseSweep>().RunAsync("c"));
        bed.SetLondonMorning(new DateOnly(2019, 8, 26)); // August bank holiday
        Assert.Same(SweepResult.OutsideWindow, await bed.Get<ChaseSweep>().RunAsync("c"));
        await bed.DrainAsync();
        Assert.Empty(bed.Sent());
    }
}
