using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.Plans;

namespace CspFunctions.LocalHost.Demo;

/// <summary>
/// A round a newcomer can act in now: a copy of the sample plan for the financial year of the quarter that has just
/// ended, that quarter's round open (due 15 working days from today, so nothing is overdue yet), the sample's Q4 text as
/// every action's update for the quarter before, and the opening request sent at once (outside the sweep's morning window
/// too). Idempotent: a plan that exists is left as it is.
/// </summary>
public sealed class DemoRound(IPlanStore plans, PlanImporter importer, ReminderSender sender, TimeProvider clock)
{
    public const string SampleRoundId = "2018-19-Q4";
    public const string BoardChairTeamsId = "demo-board-chair";

    public static string PlanIdFor(FinancialQuarter quarter) => $"demo-{quarter.Year.Name}";

    /// <summary>The quarter that has just ended on <paramref name="londonToday"/>.</summary>
    public static FinancialQuarter QuarterFor(DateOnly londonToday) => FinancialQuarter.Containing(londonToday).Previous;

    /// <summary>The demo copy of the sample: its own id and year, the sample's Q4 updates moved to the quarter before
    /// <paramref name="quarter"/>, and one board member with a Teams id so the board's Teams notice has someone to go to.</summary>
    public static PlanDocument CopyOf(PlanDocument sample, FinancialQuarter quarter)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var previous = quarter.Previous;
        return new PlanDocument
        {
            Id = PlanIdFor(quarter),
            Name = (sample.Name ?? "Sample plan").Replace("2018-19", quarter.Year.Name, StringComparison.Ordinal) + " (demo copy)",
            FinancialYearStart = quarter.Year.StartYear,
            TimeZone = sample.TimeZone,
            Introduction = sample.Introduction,
            Managers = sample.Managers,
            BoardMembers = sample.BoardMembers is { Count: > 0 } members ? members : [new ContactDocument { Name = "Board chair", Email = "board.chair@example.org", TeamsUserId = BoardChairTeamsId }],
            Priorities = sample.Priorities,
            Leads = sample.Leads,
            Actions = sample.Actions,
            Updates = (sample.Updates ?? []).Where(u => u.RoundId == SampleRoundId).Select(u => new UpdateDocument
            {
                RoundId = previous.RoundId, ActionNumber = u.ActionNumber, Status = u.Status, Rag = u.Rag, Text = u.Text, GivenBy = u.GivenBy, Channel = u.Channel,
            }).ToList(),
        };
    }

    public async Task<DemoRoundOutcome> EnsureAsync(PlanDocument sample, CancellationToken ct = default)
    {
        var today = LondonClock.DateOf(clock.GetUtcNow());
        var quarter = QuarterFor(today);
        var planId = PlanIdFor(quarter);
        if (await plans.GetAsync(planId, ct) is { } existing)
            return new DemoRoundOutcome(planId, quarter.RoundId, existing.FindRound(quarter.RoundId)?.DueDate, Created: false, 0, 0);

        var imported = await importer.ImportAsync(CopyOf(sample, quarter), ct);
        var round = ReportingRound.For(planId, quarter, UkWorkingDays.Add(today, ChasingPolicy.Default.DueWorkingDaysAfterQuarterEnd));
        await plans.SaveRoundAsync(round, ifMatch: null, ct);

        var stored = await plans.GetAsync(planId, ct) ?? throw new InvalidOperationException($"The demo plan '{planId}' was not stored.");
        var sent = 0;
        foreach (var lead in stored.Plan.Leads.Where(l => stored.Plan.ActionsLedBy(l.Id).Any()))
        {
            foreach (var channel in lead.Contacts.Any(c => c.TeamsUserId is not null) ? new[] { ReminderChannel.Email, ReminderChannel.Teams } : [ReminderChannel.Email])
            {
                var request = new ReminderRequest(planId, round.Id, lead.Id, ChaseStageKey.Opening.Id, channel, "demo-round");
                if (await sender.HandleAsync(request, "demo-round", ct) == ReminderOutcome.Sent && channel == ReminderChannel.Email) sent++;
            }
        }
        return new DemoRoundOutcome(planId, round.Id, round.DueDate, Created: true, imported.UpdatesAdded, sent);
    }
}
