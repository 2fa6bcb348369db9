using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Tests.Infrastructure;

namespace CspFunctions.Tests.Chasing;

/// <summary>A whole quarter walked day by day on Azurite: the timer, the queue function, SendGrid and Graph stubs.</summary>
[Collection(StorageCollection.Name)]
public sealed class ChasingWalkTests(StorageFixture storage)
{
    private static readonly FinancialQuarter Q1 = new FinancialYear(2019).Quarter(1);

    [Fact]
    public async Task Each_lead_hears_each_stage_once_and_stops_when_it_answers()
    {
        await using var bed = new ChasingTestBed(storage);
        var plan = await bed.ImportAsync(ChasingTestBed.SmallPlan("walk-" + StorageFixture.NewPrefix()));
        var sweep = bed.Get<ChaseSweep>();
        var progress = bed.Get<IProgressStore>();
        var round = ReportingRound.For(plan.Id, Q1, RoundOpening.DueDateFor(Q1, ChasingPolicy.Default));
        var timeline = ChaseSchedule.Timeline(round, ChasingPolicy.Default).ToDictionary(t => t.Date, t => t.Stage.Id);
        var sentOn = new List<(DateOnly Day, string To, string Stage, string Channel)>();

        for (var day = Q1.End.AddDays(-2); day <= round.DueDate.AddDays(30); day = day.AddDays(1))
        {
            bed.SetLondonMorning(day);
            var before = bed.Sent().GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Count());
            await sweep.RunAsync("walk");
            await sweep.RunAsync("walk"); // the timer fires twice
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
    }

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
        Assert.Single(log, r => r.State == ReminderState.Failed);
        await bed.Get<ChaseSweep>().RunAsync("c2");
        await bed.DrainAsync();
        // When the runtime redelivers the original failed message, it finds the reminder sent and does nothing.
        Assert.Equal(ReminderOutcome.AlreadyDone, await bed.Get<ReminderSender>().HandleAsync(failed[0].Request, failed[0].MessageId));

        var opening = bed.Sent().Where(s => s.Channel == "email").ToList();
        Assert.Equal(["cy@example.org", "hal@example.org", "hana@example.org", "pat@example.org"], opening.Select(s => s.To).Order());
        Assert.All(await bed.Get<IReminderLog>().GetRoundAsync(plan.Id, "2019-20-Q1"), r => Assert.NotEqual(ReminderState.Failed, r.State));
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
        var result = await bed.Get<ChaseSweep>().RunAsync("c");
        await bed.DrainAsync();

        Assert.Contains(result.Notes, n => n.StartsWith(idle.Id!, StringComparison.Ordinal) && n.Contains("no open round"));
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
