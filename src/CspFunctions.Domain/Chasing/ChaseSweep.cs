using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Chasing;

/// <summary>
/// The timer's work: open rounds whose quarter has ended, then decide who is due a reminder and enqueue one
/// message per lead, stage and channel. Idempotent: running it twice enqueues duplicates at most, and the
/// reminder log's claim stops them being sent twice. A broken plan is noted and skipped, never fatal.
/// Requests: one plan-index query, then per plan one partition read, plus per open round one read of its updates
/// and one of its reminder log.
/// </summary>
public sealed class ChaseSweep(IPlanStore plans, IProgressStore progress, IReminderLog log, IReminderQueue queue, TimeProvider clock, ChasingPolicy policy)
{
    public async Task<SweepResult> RunAsync(string correlationId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!LondonClock.IsSendingWindow(now, policy)) return SweepResult.OutsideWindow;
        var today = LondonClock.DateOf(now);

        var notes = new List<string>();
        var opened = 0;
        var enqueued = 0;
        var planIds = await plans.ListPlanIdsAsync(ct);
        foreach (var planId in planIds)
        {
            try
            {
                var stored = await plans.GetAsync(planId, ct);
                if (stored is null) continue;
                var rounds = stored.Rounds.ToList();
                if (RoundOpening.RoundToOpen(stored.Plan, rounds, today, policy) is { } toOpen)
                {
                    try
                    {
                        await plans.SaveRoundAsync(toOpen, ifMatch: null, ct);
                        opened++;
                    }
                    catch (ConcurrencyConflictException) { } // opened by a sweep that ran at the same time
                    rounds.Add(toOpen);
                }

                var open = rounds.Where(r => r.State == RoundState.Open).ToList();
                if (open.Count == 0) notes.Add($"{planId}: no open round");
                foreach (var round in open)
                {
                    var requests = await DueAsync(stored.Plan, round, today, correlationId, ct);
                    await queue.EnqueueAsync(requests, ct);
                    enqueued += requests.Count;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                notes.Add($"{planId}: skipped ({ex.GetType().Name}: {ex.Message})");
            }
        }
        return new SweepResult(planIds.Count, opened, enqueued, notes);
    }

    private async Task<List<ReminderRequest>> DueAsync(Plan plan, ReportingRound round, DateOnly today, string correlationId, CancellationToken ct)
    {
        var latest = (await progress.GetRoundAsync(plan.Id, round.Id, ct)).Latest();
        var settled = await log.SettledKeysAsync(plan.Id, round.Id, ct);
        var chase = ChasePlanner.WhoIsDue(plan, round, latest, settled, today, policy);
        if (chase.Warnings.Count > 0) await log.RecordWarningsAsync(plan.Id, round.Id, chase.Warnings, ct);

        var requests = new List<ReminderRequest>();
        foreach (var due in chase.Due)
        {
            requests.Add(new ReminderRequest(plan.Id, round.Id, due.LeadId, due.Stage.Id, ReminderChannel.Email, correlationId));
            var teamsKey = ReminderLogKey.For(due.LeadId, due.Stage, ReminderChannel.Teams);
            if (due.Recipients.Any(c => c.TeamsUserId is not null) && !settled.Contains(teamsKey))
                requests.Add(new ReminderRequest(plan.Id, round.Id, due.LeadId, due.Stage.Id, ReminderChannel.Teams, correlationId));
        }
        return requests;
    }
}
