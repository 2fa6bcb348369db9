using System.Globalization;
using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using Xunit;

namespace CspFunctions.Tests.Chasing;

/// <summary>
/// 2018-19 Q4 ends on Sunday 31 March 2019. Bank holidays in range: Good Friday 19 April, Easter Monday 22 April,
/// Early May 6 May 2019. Default timeline: opening Mon 1 Apr, reminder Fri 12 Apr, due Tue 23 Apr,
/// overdue-1 Fri 26 Apr, overdue-2 Wed 1 May, escalation Tue 7 May.
/// </summary>
public sealed class ChasingRulesTests
{
    private const string PlanId = "southshire";
    private const string Q4Id = "2018-19-Q4";
    private static readonly ChasingPolicy Policy = ChasingPolicy.Default;
    private static readonly FinancialQuarter Q4 = new FinancialYear(2018).Quarter(4);
    private static readonly string[] AllStageIds = ["opening", "reminder", "due", "overdue-1", "overdue-2", "escalation"];

    // ---- London time ----

    [Theory]
    [InlineData("2019-07-01T07:30:00Z", "2019-07-01", "08:30", true)]   // BST: 08:30 on a Monday
    [InlineData("2019-01-07T07:30:00Z", "2019-01-07", "07:30", false)]  // GMT: 07:30 is too early
    [InlineData("2019-01-07T08:00:00Z", "2019-01-07", "08:00", true)]   // window start is inclusive
    [InlineData("2019-01-07T10:59:00Z", "2019-01-07", "10:59", true)]
    [InlineData("2019-01-07T11:00:00Z", "2019-01-07", "11:00", false)]  // window end is exclusive
    [InlineData("2019-07-01T10:00:00Z", "2019-07-01", "11:00", false)]  // 10:00 UTC is 11:00 BST
    [InlineData("2019-06-30T23:30:00Z", "2019-07-01", "00:30", false)]  // already Monday in London
    [InlineData("2019-07-06T08:30:00Z", "2019-07-06", "09:30", false)]  // Saturday
    [InlineData("2019-04-22T08:30:00Z", "2019-04-22", "09:30", false)]  // Easter Monday
    [InlineData("2019-03-31T00:59:00Z", "2019-03-31", "00:59", false)]  // last minute of GMT
    [InlineData("2019-03-31T01:00:00Z", "2019-03-31", "02:00", false)]  // clocks go forward
    [InlineData("2019-10-28T08:30:00Z", "2019-10-28", "08:30", true)]   // back on GMT
    public void London_date_time_and_sending_window(string utc, string londonDate, string londonTime, bool inWindow)
    {
        var instant = DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

        Assert.Equal(D(londonDate), LondonClock.DateOf(instant));
        Assert.Equal(TimeOnly.ParseExact(londonTime, "HH:mm", CultureInfo.InvariantCulture), LondonClock.TimeOf(instant));
        Assert.Equal(inWindow, LondonClock.IsSendingWindow(instant, Policy));
    }

    // ---- Due dates and the timeline ----

    [Fact]
    public void Default_due_date_for_2018_19_Q4_skips_Easter()
    {
        Assert.Equal(new DateOnly(2019, 3, 31), Q4.End);
        // Working days after Sun 31 Mar: 1-5 Apr (5), 8-12 Apr (10), 15-18 Apr (14), Good Friday and Easter Monday skipped, 23 Apr (15).
        Assert.Equal(new DateOnly(2019, 4, 23), RoundOpening.DueDateFor(Q4, Policy));
    }

    [Fact]
    public void Timeline_for_2018_19_Q4()
    {
        var expected = new[]
        {
            ("opening", new DateOnly(2019, 4, 1)),
            ("reminder", new DateOnly(2019, 4, 12)),
            ("due", new DateOnly(2019, 4, 23)),
            ("overdue-1", new DateOnly(2019, 4, 26)),
            ("overdue-2", new DateOnly(2019, 5, 1)),
            ("escalation", new DateOnly(2019, 5, 7)), // 6 May is a bank holiday
        };

        var actual = ChaseSchedule.Timeline(Q4Round(), Policy).Select(s => (s.Stage.Id, s.Date)).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_stage_of_every_quarter_falls_on_a_working_day_in_order()
    {
        for (var year = 2018; year <= 2027; year++)
        {
            foreach (var quarter in new FinancialYear(year).Quarters)
            {
                var round = ReportingRound.For(PlanId, quarter, RoundOpening.DueDateFor(quarter, Policy));
                var timeline = ChaseSchedule.Timeline(round, Policy);

                Assert.Equal(AllStageIds, timeline.Select(s => s.Stage.Id));
                Assert.All(timeline, s => Assert.True(UkWorkingDays.IsWorkingDay(s.Date), $"{quarter} {s.Stage} falls on {s.Date:yyyy-MM-dd}"));
                for (var i = 1; i < timeline.Count; i++)
                    Assert.True(timeline[i - 1].Date < timeline[i].Date, $"{quarter} {timeline[i].Stage} is not after {timeline[i - 1].Stage}");
            }
        }
    }

    [Fact]
    public void A_short_due_period_drops_the_reminder_rather_than_sending_it_before_opening()
    {
        var policy = Policy with { DueWorkingDaysAfterQuarterEnd = 3 };
        var round = ReportingRound.For(PlanId, Q4, RoundOpening.DueDateFor(Q4, policy));

        var ids = ChaseSchedule.Timeline(round, policy).Select(s => s.Stage.Id);

        Assert.Equal(new[] { "opening", "due", "overdue-1", "overdue-2", "escalation" }, ids);
    }

    [Theory]
    [InlineData("2019-04-13")] // Saturday
    [InlineData("2019-04-14")] // Sunday
    [InlineData("2019-04-19")] // Good Friday
    [InlineData("2019-04-22")] // Easter Monday
    [InlineData("2019-05-06")] // Early May bank holiday, the day before escalation
    public void Nothing_is_due_on_weekends_or_bank_holidays(string date)
    {
        Assert.Empty(ChaseSchedule.StagesDueOn(Q4Round(), D(date), Policy));
        Assert.Empty(ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(), Sent(), D(date), Policy).Due);
    }

    [Theory]
    [InlineData("2019-03-29", null)] // the quarter has not ended
    [InlineData("2019-04-01", "opening")]
    [InlineData("2019-04-11", "opening")]
    [InlineData("2019-04-12", "reminder")]
    [InlineData("2019-04-15", "reminder")] // timer down since before opening: only the reminder, not both
    [InlineData("2019-04-23", "due")]
    [InlineData("2019-04-25", "due")]
    [InlineData("2019-04-26", "overdue-1")]
    [InlineData("2019-05-01", "overdue-2")]
    [InlineData("2019-05-03", "overdue-2")]
    [InlineData("2019-05-07", "escalation")]
    [InlineData("2019-06-03", "escalation")]
    public void Only_the_latest_stage_that_has_become_due_is_returned(string date, string? expectedId)
    {
        var stages = ChaseSchedule.StagesDueOn(Q4Round(), D(date), Policy);

        if (expectedId is null) Assert.Empty(stages);
        else Assert.Equal(expectedId, Assert.Single(stages).Id);
    }

    [Theory]
    [InlineData(RoundState.Closed)]
    [InlineData(RoundState.Published)]
    public void A_round_that_is_not_open_has_no_stages(RoundState state)
    {
        var round = Q4Round() with { State = state };

        Assert.Empty(ChaseSchedule.StagesDueOn(round, D("2019-04-23"), Policy));
        Assert.Null(ChasePlanner.WeeklyDigest(SamplePlan(), round, Answered(), D("2019-04-29"), Policy));
    }

    // ---- Stage ids and reminder-log keys ----

    [Theory]
    [InlineData("opening")]
    [InlineData("reminder")]
    [InlineData("due")]
    [InlineData("overdue-1")]
    [InlineData("overdue-12")]
    [InlineData("escalation")]
    public void Stage_ids_round_trip(string id)
    {
        Assert.True(ChaseStageKey.TryParse(id, out var stage));
        Assert.Equal(id, stage.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Opening")]
    [InlineData("overdue")]
    [InlineData("overdue-")]
    [InlineData("overdue-0")]
    [InlineData("overdue-01")]
    [InlineData("overdue-x")]
    public void Bad_stage_ids_are_rejected(string id) => Assert.False(ChaseStageKey.TryParse(id, out _));

    [Fact]
    public void Reminder_log_key_names_lead_stage_and_channel()
    {
        Assert.Equal("police|overdue-2|email", ReminderLogKey.For("police", ChaseStageKey.Overdue(2), ReminderChannel.Email));
        Assert.Equal("police|due|teams", ReminderLogKey.For("police", ChaseStageKey.DueDay, ReminderChannel.Teams));
    }

    [Fact]
    public void Policy_rejects_settings_that_cannot_make_a_schedule()
    {
        Policy.EnsureValid();
        Assert.Throws<ArgumentOutOfRangeException>(() => (Policy with { OverdueChaserEveryWorkingDays = 0 }).EnsureValid());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Policy with { DueWorkingDaysAfterQuarterEnd = 0 }).EnsureValid());
        Assert.Throws<ArgumentException>(() => (Policy with { SendBeforeLocal = new TimeOnly(8, 0) }).EnsureValid());
    }

    // ---- Opening rounds ----

    [Fact]
    public void Round_opens_on_the_first_working_day_after_the_quarter_and_only_once()
    {
        Assert.Null(RoundOpening.RoundToOpen(PlanId, [], D("2019-03-31"), Policy)); // Q4's last day; Q3 is long past

        var round = RoundOpening.RoundToOpen(PlanId, [], D("2019-04-01"), Policy);

        Assert.NotNull(round);
        Assert.Equal(Q4Round(), round);
        Assert.Null(RoundOpening.RoundToOpen(PlanId, [round], D("2019-04-01"), Policy));
        Assert.Null(RoundOpening.RoundToOpen(PlanId, [round], D("2019-04-02"), Policy));
    }

    [Fact]
    public void Round_does_not_open_on_the_New_Year_bank_holiday()
    {
        Assert.Null(RoundOpening.RoundToOpen(PlanId, [], D("2019-01-01"), Policy));

        var round = RoundOpening.RoundToOpen(PlanId, [], D("2019-01-02"), Policy);

        Assert.NotNull(round);
        Assert.Equal("2018-19-Q3", round.Id);
        Assert.Equal(new DateOnly(2019, 1, 22), round.DueDate);
    }

    [Fact]
    public void A_plan_imported_long_after_the_due_date_does_not_open_the_old_round()
    {
        // Due 23 April; 30 calendar days later is 23 May.
        Assert.NotNull(RoundOpening.RoundToOpen(PlanId, [], D("2019-05-22"), Policy));
        Assert.Null(RoundOpening.RoundToOpen(PlanId, [], D("2019-05-23"), Policy));
    }

    [Fact]
    public void The_plan_overload_opens_only_quarters_of_the_plans_year()
    {
        var plan = SamplePlan(); // 2018-19

        Assert.NotNull(RoundOpening.RoundToOpen(plan, [], D("2019-04-01"), Policy));
        Assert.Null(RoundOpening.RoundToOpen(plan, [], D("2019-07-01"), Policy));
        Assert.Equal("2019-20-Q1", RoundOpening.RoundToOpen(PlanId, [], D("2019-07-01"), Policy)?.Id);
    }

    // ---- Who is chased ----

    [Fact]
    public void A_lead_with_three_actions_gets_one_chase_listing_all_three()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(), Sent(), D("2019-04-01"), Policy);

        var police = Assert.Single(result.Due, c => c.LeadId == "police");
        Assert.Equal(ChaseStageKey.Opening, police.Stage);
        Assert.Equal(new[] { 1, 2, 3 }, police.ActionNumbers);
        Assert.Equal("pat@police.example.org", Assert.Single(police.Recipients).Email);
        Assert.Empty(police.CopyTo);
    }

    [Fact]
    public void After_downtime_a_lead_gets_only_the_latest_stage()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(), Sent(), D("2019-04-26"), Policy);

        var police = Assert.Single(result.Due, c => c.LeadId == "police");
        Assert.Equal("overdue-1", police.Stage.Id);
    }

    [Fact]
    public void A_lead_that_answered_every_action_is_not_chased()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(4, 5), Sent(), D("2019-04-23"), Policy);

        Assert.DoesNotContain(result.Due, c => c.LeadId == "council");
        Assert.Contains(result.Due, c => c.LeadId == "police");
    }

    [Fact]
    public void Any_version_of_an_update_counts_as_answered()
    {
        var updates = new Dictionary<int, ProgressUpdate> { [4] = Answer(4, version: 3), [5] = Answer(5, version: 1) };

        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), updates, Sent(), D("2019-04-23"), Policy);

        Assert.DoesNotContain(result.Due, c => c.LeadId == "council");
    }

    [Fact]
    public void A_lead_that_answered_one_of_two_is_chased_for_the_other()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(4), Sent(), D("2019-04-23"), Policy);

        var council = Assert.Single(result.Due, c => c.LeadId == "council");
        Assert.Equal(new[] { 5 }, council.ActionNumbers);
        Assert.Equal(new[] { "cal@council.example.org", "cass@council.example.org" }, council.Recipients.Select(r => r.Email));
    }

    [Fact]
    public void An_email_already_sent_for_the_stage_suppresses_it()
    {
        var plan = SamplePlan();

        var sameStage = ChasePlanner.WhoIsDue(plan, Q4Round(), Answered(), Sent("police|opening|email"), D("2019-04-02"), Policy);
        var teamsOnly = ChasePlanner.WhoIsDue(plan, Q4Round(), Answered(), Sent("police|opening|teams"), D("2019-04-02"), Policy);
        var nextStage = ChasePlanner.WhoIsDue(plan, Q4Round(), Answered(), Sent("police|opening|email"), D("2019-04-12"), Policy);

        Assert.DoesNotContain(sameStage.Due, c => c.LeadId == "police");
        Assert.Contains(sameStage.Due, c => c.LeadId == "council");
        Assert.Contains(teamsOnly.Due, c => c.LeadId == "police");
        Assert.Equal("reminder", Assert.Single(nextStage.Due, c => c.LeadId == "police").Stage.Id);
    }

    [Fact]
    public void A_lead_without_contacts_gives_a_warning_not_a_chase()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(), Sent(), D("2019-04-01"), Policy);

        Assert.DoesNotContain(result.Due, c => c.LeadId == "fire");
        Assert.Contains(result.Warnings, w => w.LeadId == "fire" && w.Message == "has no contacts");
    }

    [Fact]
    public void Invalid_emails_are_dropped_with_a_warning_and_a_lead_left_with_none_is_skipped()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(), Sent(), D("2019-04-01"), Policy);

        var health = Assert.Single(result.Due, c => c.LeadId == "health");
        Assert.Equal("hana@nhs.example.org", Assert.Single(health.Recipients).Email);
        Assert.Contains(result.Warnings, w => w.LeadId == "health" && w.Message.Contains("hana.nhs.example.org", StringComparison.Ordinal));

        Assert.DoesNotContain(result.Due, c => c.LeadId == "probation");
        Assert.Contains(result.Warnings, w => w.LeadId == "probation" && w.Message == "has no contact with a valid email address");
    }

    [Fact]
    public void An_action_without_a_lead_is_warned_about_once_and_not_chased()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(), Sent(), D("2019-04-01"), Policy);

        var warning = Assert.Single(result.Warnings, w => w.ActionNumber == 29);
        Assert.Equal("action 29 has no lead", warning.Message);
        Assert.Null(warning.LeadId);
        Assert.DoesNotContain(result.Due, c => c.ActionNumbers.Contains(29));
    }

    [Fact]
    public void Escalation_copies_in_the_managers_and_the_deputy_leads_contacts()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(), Sent(), D("2019-05-07"), Policy);

        var police = Assert.Single(result.Due, c => c.LeadId == "police");
        Assert.True(police.Stage.IsEscalation);
        Assert.Equal(new[] { "pat@police.example.org" }, police.Recipients.Select(r => r.Email));
        Assert.Equal(
            new[] { "mo@csp.example.org", "cal@council.example.org", "cass@council.example.org" },
            police.CopyTo.Select(r => r.Email));

        var council = Assert.Single(result.Due, c => c.LeadId == "council"); // no deputy
        Assert.Equal(new[] { "mo@csp.example.org" }, council.CopyTo.Select(r => r.Email));
    }

    [Fact]
    public void Overdue_chasers_before_escalation_copy_nobody()
    {
        var result = ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), Answered(), Sent(), D("2019-05-01"), Policy);

        Assert.NotEmpty(result.Due);
        Assert.All(result.Due, c => Assert.Empty(c.CopyTo));
    }

    [Fact]
    public void Updates_from_another_round_are_refused()
    {
        var wrong = new Dictionary<int, ProgressUpdate> { [1] = Answer(1, roundId: "2018-19-Q3") };

        Assert.Throws<ArgumentException>(() => ChasePlanner.WhoIsDue(SamplePlan(), Q4Round(), wrong, Sent(), D("2019-04-01"), Policy));
    }

    // ---- Weekly digest ----

    [Theory]
    [InlineData("2019-03-25", false)] // a Monday before the round opens
    [InlineData("2019-04-01", true)]
    [InlineData("2019-04-02", false)]
    [InlineData("2019-04-08", true)]
    [InlineData("2019-04-22", false)] // Easter Monday ...
    [InlineData("2019-04-23", true)]  // ... moves it to the Tuesday
    [InlineData("2019-04-24", false)]
    [InlineData("2019-05-06", false)] // Early May bank holiday ...
    [InlineData("2019-05-07", true)]  // ... likewise
    public void The_digest_goes_on_the_digest_day_or_the_next_working_day(string date, bool expected)
    {
        var digest = ChasePlanner.WeeklyDigest(SamplePlan(), Q4Round(), Answered(), D(date), Policy);

        Assert.Equal(expected, digest is not null);
    }

    [Fact]
    public void The_digest_lists_outstanding_leads_and_their_actions()
    {
        var digest = ChasePlanner.WeeklyDigest(SamplePlan(), Q4Round(), Answered(1, 4, 5), D("2019-04-29"), Policy);

        Assert.NotNull(digest);
        Assert.True(digest.IsOverdue);
        Assert.Equal(9, digest.ActionCount);
        Assert.Equal(3, digest.AnsweredCount);
        Assert.Equal(new[] { "police", "fire", "health", "probation" }, digest.Outstanding.Select(o => o.LeadId));
        Assert.Equal(new[] { 2, 3 }, digest.Outstanding[0].ActionNumbers);
        Assert.Equal("mo@csp.example.org", Assert.Single(digest.Recipients).Email);
        Assert.Contains(digest.Warnings, w => w.Message == "action 29 has no lead");
    }

    // ---- A whole quarter, one sweep per day ----

    [Fact]
    public void Walking_the_quarter_day_by_day_sends_each_stage_once_and_only_on_working_days()
    {
        var (rounds, log) = Walk(SamplePlan(), _ => Answered());

        var round = Assert.Single(rounds);
        Assert.Equal(Q4Round(), round);
        var timeline = ChaseSchedule.Timeline(round, Policy);
        foreach (var leadId in new[] { "police", "council", "health" })
        {
            var sent = log.Where(e => e.LeadId == leadId).ToList();
            Assert.Equal(AllStageIds, sent.Select(e => e.StageId));
            Assert.Equal(timeline.Select(t => t.Date), sent.Select(e => e.Date));
        }
        Assert.All(log, e => Assert.True(UkWorkingDays.IsWorkingDay(e.Date), $"{e.LeadId} {e.StageId} sent on {e.Date:yyyy-MM-dd}"));
        Assert.DoesNotContain(log, e => e.LeadId is "fire" or "probation");
    }

    [Fact]
    public void Chasing_stops_for_a_lead_once_it_has_answered()
    {
        // Police answer everything on the due date, after that morning's sweep.
        var (_, log) = Walk(SamplePlan(), day => day > new DateOnly(2019, 4, 23) ? Answered(1, 2, 3) : Answered());

        Assert.Equal(new[] { "opening", "reminder", "due" }, log.Where(e => e.LeadId == "police").Select(e => e.StageId));
        Assert.Equal(AllStageIds, log.Where(e => e.LeadId == "council").Select(e => e.StageId));
    }

    /// <summary>Runs the open-rounds and chase sweeps every day from the quarter end to 20 working days past the due
    /// date, feeding each sent chase back as its reminder-log key.</summary>
    private static (List<ReportingRound> Rounds, List<(string LeadId, string StageId, DateOnly Date)> Log) Walk(
        Plan plan, Func<DateOnly, IReadOnlyDictionary<int, ProgressUpdate>> updatesOn)
    {
        var rounds = new List<ReportingRound>();
        var sentKeys = new HashSet<string>(StringComparer.Ordinal);
        var log = new List<(string LeadId, string StageId, DateOnly Date)>();
        var last = UkWorkingDays.Add(RoundOpening.DueDateFor(Q4, Policy), 20);

        for (var day = Q4.End; day <= last; day = day.AddDays(1))
        {
            if (RoundOpening.RoundToOpen(plan, rounds, day, Policy) is { } opened) rounds.Add(opened);
            foreach (var round in rounds)
            {
                foreach (var chase in ChasePlanner.WhoIsDue(plan, round, updatesOn(day), sentKeys, day, Policy).Due)
                {
                    Assert.True(sentKeys.Add(ReminderLogKey.For(chase.LeadId, chase.Stage, ReminderChannel.Email)), $"{chase.LeadId} {chase.Stage} twice");
                    log.Add((chase.LeadId, chase.Stage.Id, day));
                }
            }
        }
        return (rounds, log);
    }

    // ---- Test data ----

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ReportingRound Q4Round() => ReportingRound.For(PlanId, Q4, new DateOnly(2019, 4, 23));

    private static IReadOnlySet<string> Sent(params string[] keys) => new HashSet<string>(keys, StringComparer.Ordinal);

    private static Dictionary<int, ProgressUpdate> Answered(params int[] actionNumbers) =>
        actionNumbers.ToDictionary(n => n, n => Answer(n));

    private static ProgressUpdate Answer(int actionNumber, int version = 1, string roundId = Q4Id) => new(
        PlanId, roundId, actionNumber, version, ProgressStatus.OnTrack, Rag.Green, "Going well", "A Lead", "lead@example.org",
        new DateTimeOffset(2019, 4, 2, 9, 0, 0, TimeSpan.FromHours(1)), UpdateChannel.Form);

    private static PlanAction Act(int number, string priorityId, params string[] leadIds) =>
        new(number, priorityId, $"Action {number}", leadIds, []);

    private static Plan SamplePlan() => new(
        Id: PlanId,
        Name: "Southshire Community Safety Partnership",
        FinancialYearStart: 2018,
        TimeZone: "Europe/London",
        Introduction: null,
        Managers: [new Contact("Mo Manager", "mo@csp.example.org")],
        Priorities: [new Priority("asb", "Anti-social behaviour"), new Priority("dv", "Domestic abuse")],
        Leads:
        [
            new Lead("police", "Southshire Police", [new Contact("Pat Inspector", "pat@police.example.org")], DeputyLeadId: "council"),
            new Lead("council", "Southshire Council", [new Contact("Cal", "cal@council.example.org"), new Contact("Cass", "cass@council.example.org")]),
            new Lead("fire", "Fire and Rescue", []),
            new Lead("health", "Health", [new Contact("Typo", "hana.nhs.example.org"), new Contact("Hana", "hana@nhs.example.org")]),
            new Lead("probation", "Probation", [new Contact("Nobody", "probation at example dot org")]),
        ],
        Actions:
        [
            Act(1, "asb", "police"), Act(2, "asb", "police"), Act(3, "dv", "police"),
            Act(4, "asb", "council"), Act(5, "dv", "council"),
            Act(6, "asb", "fire"),
            Act(7, "dv", "health"),
            Act(8, "dv", "probation"),
            Act(29, "dv"),
        ]);
}
