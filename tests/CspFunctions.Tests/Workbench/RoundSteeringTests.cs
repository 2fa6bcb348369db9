using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Tests.Chasing;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Workbench;

namespace CspFunctions.Tests.Workbench;

/// <summary>Steering a round and recording updates, walked day by day on the fake clock through the real sweep and sender.</summary>
[Collection(StorageCollection.Name)]
public sealed class RoundSteeringTests(StorageFixture storage)
{
    private const string RoundId = "2019-20-Q1";
    private const string Manager = "manager@example.org";
    private static readonly DateOnly Due = new(2019, 7, 19);

    private static async Task<string> StartAsync(ChasingTestBed bed, string planId)
    {
        await bed.ImportAsync(ChasingTestBed.SmallPlan(planId));
        FinancialQuarter.TryParseRoundId(RoundId, out var quarter);
        await bed.Get<IPlanStore>().SaveRoundAsync(ReportingRound.For(planId, quarter, Due), null);
        return planId;
    }

    /// <summary>Sweeps and sends on every working day from <paramref name="from"/> to <paramref name="to"/>, running
    /// <paramref name="on"/> first on the days it names; returns (day, recipient, stage) of every e-mail sent.</summary>
    private static async Task<List<(DateOnly Day, string To, string Stage)>> WalkAsync(ChasingTestBed bed, DateOnly from, DateOnly to, Func<DateOnly, Task>? on = null)
    {
        var sent = new List<(DateOnly, string, string)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            bed.SetLondonMorning(day);
            if (on is not null) await on(day);
            var before = bed.Sent().Count(s => s.Channel == "email");
            await bed.Get<ChaseSweep>().RunAsync("walk");
            await bed.DrainAsync();
            sent.AddRange(bed.Sent().Where(s => s.Channel == "email").Skip(before).Select(s => (day, s.To, s.Stage)));
        }
        return sent;
    }

    private static async Task<string> RoundETagAsync(ChasingTestBed bed, string planId) => (await bed.Get<IPlanStore>().GetAsync(planId))!.RoundETags[RoundId];

    [Fact]
    public async Task A_phone_update_recorded_by_the_manager_stops_chasing_for_that_lead()
    {
        await using var bed = new ChasingTestBed(storage);
        var planId = await StartAsync(bed, "steer-phone");
        var recorder = bed.Get<UpdateRecorder>();
        var sent = await WalkAsync(bed, new(2019, 7, 1), new(2019, 7, 12), async day =>
        {
            if (day != new DateOnly(2019, 7, 5)) return;
            var refused = await recorder.RecordAsync(planId, RoundId, "police", [new(1, "Patrols weekly.", ProgressStatus.OnTrack, Rag.Green, 0)], "", day.AddDays(1), "carrier pigeon", Manager);
            Assert.Equal(["given-by", "given-on", "given-how"], refused.Errors.Select(e => e.FieldId));
            Assert.Empty(await bed.Get<IProgressStore>().GetRoundAsync(planId, RoundId));
            var outcome = await recorder.RecordAsync(planId, RoundId, "police",
                [new(1, "Patrols weekly.", ProgressStatus.OnTrack, Rag.Green, 0), new(2, "Lights ordered.", ProgressStatus.AtRisk, Rag.Amber, 0)], "Pat Police", day.AddDays(-1), "Phone", Manager);
            Assert.True(outcome.IsSaved, outcome.Conflict);
        });

        Assert.Equal([(new DateOnly(2019, 7, 1), "pat@example.org", "opening")], sent.Where(s => s.To == "pat@example.org"));
        Assert.Contains((new DateOnly(2019, 7, 12), "hal@example.org", "reminder"), sent);
        var update = (await bed.Get<IProgressStore>().GetRoundAsync(planId, RoundId)).Single(u => u.ActionNumber == 2);
        Assert.Equal((UpdateChannel.Manager, "Pat Police", "pat@example.org", Manager, "phone", new DateOnly(2019, 7, 4)),
            (update.Channel, update.GivenBy, update.GivenByEmail, update.RecordedBy, update.GivenHow, update.GivenOn));
    }

    [Fact]
    public async Task Extending_the_due_date_for_one_lead_and_then_the_round_recomputes_the_cadence_and_never_resends_a_stage()
    {
        await using var bed = new ChasingTestBed(storage);
        var planId = await StartAsync(bed, "steer-extend");
        var steering = bed.Get<RoundSteering>();
        var sent = await WalkAsync(bed, new(2019, 7, 1), new(2019, 8, 5), async day =>
        {
            if (day == new DateOnly(2019, 7, 10))
            {
                var past = await steering.ExtendAsync(planId, RoundId, "housing", new(2019, 7, 9), await RoundETagAsync(bed, planId), Manager);
                Assert.Equal("due-date", Assert.Single(past.Errors).FieldId);
                Assert.True((await steering.ExtendAsync(planId, RoundId, "housing", new(2019, 7, 31), await RoundETagAsync(bed, planId), Manager)).IsSaved);
            }
            if (day == new DateOnly(2019, 7, 22))
                Assert.True((await steering.ExtendAsync(planId, RoundId, null, new(2019, 7, 31), await RoundETagAsync(bed, planId), Manager)).IsSaved);
        });

        Assert.Equal(
            [(new(2019, 7, 1), "opening"), (new(2019, 7, 12), "reminder"), (new(2019, 7, 19), "due"), (new(2019, 8, 5), "overdue-1")],
            sent.Where(s => s.To == "pat@example.org").Select(s => (s.Day, s.Stage)));
        Assert.Equal(
            [(new(2019, 7, 1), "opening"), (new(2019, 7, 24), "reminder"), (new(2019, 7, 31), "due"), (new(2019, 8, 5), "overdue-1")],
            sent.Where(s => s.To == "hal@example.org").Select(s => (s.Day, s.Stage)));
        var round = (await bed.Get<IPlanStore>().GetAsync(planId))!.FindRound(RoundId)!;
        Assert.Equal((new DateOnly(2019, 7, 31), new DateOnly(2019, 7, 31)), (round.DueDate, round.DueDateFor("housing")));
        Assert.Equal(2, (await bed.Get<IPlanAudit>().ListAsync(planId)).Count);
    }

    [Fact]
    public async Task Chasing_one_lead_now_sends_its_next_stage_once_and_the_sweep_does_not_send_it_again()
    {
        await using var bed = new ChasingTestBed(storage);
        var planId = await StartAsync(bed, "steer-now");
        var steering = bed.Get<RoundSteering>();
        var sent = await WalkAsync(bed, new(2019, 7, 1), new(2019, 7, 12), async day =>
        {
            if (day != new DateOnly(2019, 7, 3)) return;
            var (outcome, stage) = await steering.ChaseNowAsync(planId, RoundId, "police", Manager);
            Assert.True(outcome.IsSaved);
            Assert.Equal(ChaseStageKey.Reminder, stage);
            var (nobody, _) = await steering.ChaseNowAsync(planId, RoundId, "nobody", Manager);
            Assert.Equal("lead", Assert.Single(nobody.Errors).FieldId);
        });
        Assert.Equal([(new(2019, 7, 1), "opening"), (new(2019, 7, 3), "reminder")], sent.Where(s => s.To == "pat@example.org").Select(s => (s.Day, s.Stage)));
        Assert.Contains((new DateOnly(2019, 7, 12), "hal@example.org", "reminder"), sent);
        Assert.Contains((await bed.Get<IReminderLog>().GetRoundAsync(planId, RoundId)), r => r is { LeadId: "police", StageId: "reminder", Channel: "teams", State: ReminderState.Sent });
    }

    [Fact]
    public async Task A_round_is_closed_reopened_and_a_stale_page_or_a_published_round_is_refused()
    {
        await using var bed = new ChasingTestBed(storage);
        var planId = await StartAsync(bed, "steer-close");
        bed.SetLondonMorning(new(2019, 7, 2));
        var steering = bed.Get<RoundSteering>();
        var etag = await RoundETagAsync(bed, planId);

        Assert.True((await steering.CloseAsync(planId, RoundId, etag, Manager)).IsSaved);
        var stale = await steering.ReopenAsync(planId, RoundId, etag, "other@example.org");
        Assert.NotNull(stale.Conflict);
        Assert.Equal(RoundState.Closed, Assert.IsType<ReportingRound>(stale.Theirs).State);
        Assert.True((await steering.ReopenAsync(planId, RoundId, await RoundETagAsync(bed, planId), Manager)).IsSaved);
        Assert.Equal("state", Assert.Single((await steering.ReopenAsync(planId, RoundId, await RoundETagAsync(bed, planId), Manager)).Errors).FieldId);

        var round = (await bed.Get<IPlanStore>().GetAsync(planId))!.FindRound(RoundId)!;
        await bed.Get<IPlanStore>().SaveRoundAsync(round with { State = RoundState.Published }, await RoundETagAsync(bed, planId));
        Assert.Equal("state", Assert.Single((await steering.ReopenAsync(planId, RoundId, await RoundETagAsync(bed, planId), Manager)).Errors).FieldId);
        Assert.Equal("due-date", Assert.Single((await steering.ExtendAsync(planId, RoundId, null, new(2019, 9, 1), await RoundETagAsync(bed, planId), Manager)).Errors).FieldId);
        Assert.Equal(["Round 2019-20-Q1 re-opened", "Round 2019-20-Q1 closed"], (await bed.Get<IPlanAudit>().ListAsync(planId)).Select(c => c.What));
    }

    [Fact]
    public async Task A_round_opened_now_starts_chasing_the_next_morning_and_cannot_be_opened_twice()
    {
        await using var bed = new ChasingTestBed(storage);
        await bed.ImportAsync(ChasingTestBed.SmallPlan("steer-open"));
        var steering = bed.Get<RoundSteering>();
        bed.SetLondonMorning(new(2019, 9, 16));
        Assert.Equal("round", Assert.Single((await steering.OpenNowAsync("steer-open", "2019-20-Q4", null, Manager)).Errors).FieldId);
        Assert.Equal("round", Assert.Single((await steering.OpenNowAsync("steer-open", "2020-21-Q1", null, Manager)).Errors).FieldId);
        Assert.True((await steering.OpenNowAsync("steer-open", "2019-20-Q2", null, Manager)).IsSaved);
        Assert.NotNull((await steering.OpenNowAsync("steer-open", "2019-20-Q2", null, Manager)).Conflict);
        var round = (await bed.Get<IPlanStore>().GetAsync("steer-open"))!.FindRound("2019-20-Q2")!;
        Assert.Equal((RoundState.Open, new DateOnly(2019, 9, 16)), (round.State, round.OpenedOn));
        Assert.True(round.DueDate > new DateOnly(2019, 9, 30));

        var sent = await WalkAsync(bed, new(2019, 9, 16), new(2019, 9, 17));
        Assert.Contains((new DateOnly(2019, 9, 16), "pat@example.org", "opening"), sent);
        Assert.Single(sent, s => s.To == "pat@example.org");
    }
}
