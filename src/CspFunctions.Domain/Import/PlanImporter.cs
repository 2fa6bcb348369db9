using CspFunctions.Calendar;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Import;

/// <summary>Validates a plan document and stores it. All-or-nothing at validation; re-import updates the plan in
/// place and never touches progress history (updates it carries are added as new versions only when their text is new).</summary>
public sealed class PlanImporter(IPlanStore plans, IProgressStore progress, TimeProvider clock)
{
    public const int DefaultDueWorkingDays = 15;

    public async Task<ImportOutcome> ImportAsync(PlanDocument document, CancellationToken ct = default)
    {
        var existing = PlanValidator.IsValidId(document.Id) ? await plans.GetAsync(document.Id!, ct) : null;
        var (plan, seedUpdates) = PlanValidator.Validate(document, existing?.Plan);
        // Actions the manager retired stay retired unless the file brings the number back.
        if (existing is not null) plan = plan with { RetiredActions = existing.Plan.RetiredActions.Where(r => plan.Actions.All(a => a.Number != r.Number)).ToList() };
        var saved = await plans.SaveAsync(plan, existing, ct);

        var added = 0;
        var unchanged = 0;
        foreach (var roundGroup in seedUpdates.GroupBy(u => u.RoundId))
        {
            if (existing?.FindRound(roundGroup.Key) is null)
            {
                // A past quarter's progress arrives with the plan: its round is recorded as closed.
                FinancialQuarter.TryParseRoundId(roundGroup.Key, out var quarter);
                try
                {
                    await plans.SaveRoundAsync(ReportingRound.For(plan.Id, quarter, UkWorkingDays.Add(quarter.End, DefaultDueWorkingDays), RoundState.Closed), ifMatch: null, ct);
                }
                catch (ConcurrencyConflictException)
                {
                    // Created meanwhile (by the round-opening timer or a parallel import): keep that one.
                }
            }
            var history = await progress.GetRoundAsync(plan.Id, roundGroup.Key, ct);
            var latest = history.Latest();
            foreach (var seed in roundGroup)
            {
                latest.TryGetValue(seed.ActionNumber, out var current);
                // A file that repeats text already in the history adds nothing, so re-importing never undoes a later correction.
                if (history.Any(u => u.ActionNumber == seed.ActionNumber && u.Text == seed.Text && u.Status == seed.Status && u.Rag == seed.Rag))
                {
                    unchanged++;
                    continue;
                }
                var version = (current?.Version ?? 0) + 1;
                try
                {
                    await progress.AddAsync(new ProgressUpdate(plan.Id, seed.RoundId, seed.ActionNumber, version, seed.Status, seed.Rag, seed.Text,
                        seed.GivenBy, null, clock.GetUtcNow(), seed.Channel), current?.Version ?? 0, ct);
                    added++;
                }
                catch (UpdateConflictException conflict) when (conflict.Current.Text == seed.Text && conflict.Current.Status == seed.Status && conflict.Current.Rag == seed.Rag)
                {
                    unchanged++; // a parallel import of the same file got there first
                }
            }
        }
        return new ImportOutcome(plan.Id, saved.Created, saved.Revision, plan.Actions.Count, plan.Leads.Count, saved.ActionsRemoved, added, unchanged);
    }
}
