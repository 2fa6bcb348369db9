using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>
/// The manager's hand on a round: open it now, move its due date (for everyone or one lead), close it, re-open it
/// before publication, and chase one lead now. Chasing follows from the round's dates, so a new due date recomputes
/// the cadence; the reminder log keeps every stage already sent from going again. A chase-now takes the lead's next
/// stage not yet sent and goes through the same claim, so the sweep never sends that stage a second time.
/// Every change is audited; a round changed by someone else since the page was shown is a conflict (nothing saved).
/// </summary>
public sealed class RoundSteering(IPlanStore plans, IProgressStore progress, IReminderLog log, IReminderQueue queue, IPlanAudit audit, TimeProvider clock, ChasingPolicy policy)
{
    public async Task<WorkbenchOutcome> OpenNowAsync(string planId, string roundId, DateOnly? dueDate, string by, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return WorkbenchOutcome.Refused(new FieldError("round", $"There is no plan '{planId}'"));
        if (!FinancialQuarter.TryParseRoundId(roundId, out var quarter) || quarter.Year != stored.Plan.FinancialYear)
            return WorkbenchOutcome.Refused(new FieldError("round", $"Choose a quarter of {stored.Plan.FinancialYear.Name}"));
        if (stored.FindRound(roundId) is { } existing) return WorkbenchOutcome.Conflicted($"The {roundId} round exists already ({existing.State}).", existing);
        var today = Today;
        if (quarter.Start > today) return WorkbenchOutcome.Refused(new FieldError("round", $"{roundId} has not started yet"));
        var due = dueDate ?? Later(RoundOpening.DueDateFor(quarter, policy), UkWorkingDays.Add(today, policy.DueWorkingDaysAfterQuarterEnd));
        if (due <= today) return WorkbenchOutcome.Refused(new FieldError("due-date", "The due date must be after today"));
        var round = ReportingRound.For(planId, quarter, due) with { OpenedOn = today < RoundOpening.OpensOn(quarter) ? today : null };
        try { await plans.SaveRoundAsync(round, ifMatch: null, ct); }
        catch (ConcurrencyConflictException ex) { return WorkbenchOutcome.Conflicted(ex.Message, null); }
        await AuditAsync(planId, by, $"Round {roundId} opened", null, round, ct);
        return WorkbenchOutcome.Saved;
    }

    /// <summary>Moves the due date of the round, or of one lead (<paramref name="leadId"/>) in it.</summary>
    public Task<WorkbenchOutcome> ExtendAsync(string planId, string roundId, string? leadId, DateOnly? newDue, string roundETag, string by, CancellationToken ct = default) =>
        ChangeRoundAsync(planId, roundId, roundETag, by, (stored, round) =>
        {
            if (round.State == RoundState.Published) return (new FieldError("due-date", "The round is published; its dates are locked"), null);
            if (newDue is null) return (new FieldError("due-date", "Enter the new due date"), null);
            if (newDue < Today) return (new FieldError("due-date", "The new due date cannot be in the past"), null);
            if (newDue <= round.PeriodEnd) return (new FieldError("due-date", $"The due date must be after the quarter ends ({round.PeriodEnd:d MMMM yyyy})"), null);
            if (leadId is null) return (null, round with { DueDate = newDue.Value });
            if (stored.Plan.FindLead(leadId) is null) return (new FieldError("lead", $"'{leadId}' is not a lead of the plan"), null);
            var dates = new Dictionary<string, DateOnly>(round.LeadDueDates) { [leadId] = newDue.Value };
            return (null, round with { LeadDueDates = dates });
        }, leadId is null ? $"Round {roundId} due date" : $"Round {roundId} due date for {leadId}", ct);

    public Task<WorkbenchOutcome> CloseAsync(string planId, string roundId, string roundETag, string by, CancellationToken ct = default) =>
        ChangeRoundAsync(planId, roundId, roundETag, by, (_, round) => round.State switch
        {
            RoundState.Open => (null, round with { State = RoundState.Closed }),
            RoundState.Closed => (new FieldError("state", "The round is closed already"), null),
            _ => (new FieldError("state", "The round is published and locked"), null),
        }, $"Round {roundId} closed", ct);

    public Task<WorkbenchOutcome> ReopenAsync(string planId, string roundId, string roundETag, string by, CancellationToken ct = default) =>
        ChangeRoundAsync(planId, roundId, roundETag, by, (_, round) => round.State switch
        {
            RoundState.Closed => (null, round with { State = RoundState.Open }),
            RoundState.Open => (new FieldError("state", "The round is open already"), null),
            _ => (new FieldError("state", "A published round cannot be re-opened"), null),
        }, $"Round {roundId} re-opened", ct);

    /// <summary>The stage a chase-now would send this lead: the first in the lead's timeline not yet sent by e-mail.</summary>
    public static ChaseStageKey? NextStage(ReportingRound round, string leadId, IReadOnlySet<string> settled, ChasingPolicy policy) =>
        ChaseSchedule.Timeline(round.ForLead(leadId), policy).Select(s => (ChaseStageKey?)s.Stage)
            .FirstOrDefault(s => !settled.Contains(ReminderLogKey.For(leadId, s!.Value, ReminderChannel.Email)));

    /// <summary>Queues the lead's next unsent stage now; the queue function claims it in the reminder log like any other.</summary>
    public async Task<(WorkbenchOutcome Outcome, ChaseStageKey? Stage)> ChaseNowAsync(string planId, string roundId, string leadId, string by, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        var round = stored?.FindRound(roundId);
        var lead = stored?.Plan.FindLead(leadId);
        if (stored is null || round is null || lead is null) return (WorkbenchOutcome.Refused(new FieldError("lead", "That plan, round or lead does not exist")), null);
        if (round.State != RoundState.Open) return (WorkbenchOutcome.Refused(new FieldError("lead", "Only an open round's leads are chased")), null);
        var latest = (await progress.GetRoundAsync(planId, roundId, ct)).Latest();
        var warnings = new List<ChaseWarning>();
        var chase = ChasePlanner.ChaseNow(stored.Plan, leadId, ChaseStageKey.Opening, latest, warnings);
        if (chase is null) return (WorkbenchOutcome.Refused(new FieldError("lead", $"{lead.Name} owes nothing this round, or has no contact with a valid email address")), null);
        var settled = await log.SettledKeysAsync(planId, roundId, ct);
        if (NextStage(round, leadId, settled, policy) is not { } stage)
            return (WorkbenchOutcome.Refused(new FieldError("lead", $"Every reminder of the round has been sent to {lead.Name} already")), null);
        var correlation = Guid.NewGuid().ToString("N");
        var requests = new List<ReminderRequest> { new(planId, roundId, leadId, stage.Id, ReminderChannel.Email, correlation) };
        if (chase.Recipients.Any(c => c.TeamsUserId is not null) && !settled.Contains(ReminderLogKey.For(leadId, stage, ReminderChannel.Teams)))
            requests.Add(new(planId, roundId, leadId, stage.Id, ReminderChannel.Teams, correlation));
        await queue.EnqueueAsync(requests, ct);
        await AuditAsync(planId, by, $"Round {roundId}: {lead.Name} chased now ({stage.Id})", null, null, ct);
        return (WorkbenchOutcome.Saved, stage);
    }

    private DateOnly Today => LondonClock.DateOf(clock.GetUtcNow());

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private async Task<WorkbenchOutcome> ChangeRoundAsync(string planId, string roundId, string roundETag, string by,
        Func<StoredPlan, ReportingRound, (FieldError? Error, ReportingRound? Next)> change, string what, CancellationToken ct)
    {
        var stored = await plans.GetAsync(planId, ct);
        var round = stored?.FindRound(roundId);
        if (stored is null || round is null) return WorkbenchOutcome.Refused(new FieldError("round", "That plan or round does not exist"));
        if (stored.RoundETags.GetValueOrDefault(roundId) != roundETag)
            return WorkbenchOutcome.Conflicted("Someone else changed this round since the page was shown; nothing was saved. The round as it is now is shown.", round);
        var (error, next) = change(stored, round);
        if (error is not null) return WorkbenchOutcome.Refused(error);
        try { await plans.SaveRoundAsync(next!, roundETag, ct); }
        catch (ConcurrencyConflictException ex) { return WorkbenchOutcome.Conflicted(ex.Message, (await plans.GetAsync(planId, ct))?.FindRound(roundId)); }
        await AuditAsync(planId, by, what, round, next, ct);
        return WorkbenchOutcome.Saved;
    }

    private Task AuditAsync(string planId, string by, string what, ReportingRound? before, ReportingRound? after, CancellationToken ct) =>
        audit.RecordAsync(new PlanChange(planId, clock.GetUtcNow(), by, what, before is null ? null : PlanEditor.Describe(before), after is null ? null : PlanEditor.Describe(after)), ct);
}
