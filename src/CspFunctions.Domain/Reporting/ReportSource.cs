using CspFunctions.Chasing;
using CspFunctions.Plans;

namespace CspFunctions.Reporting;

/// <summary>Reads what a report needs from storage: three partition queries (plan, this round, last round) and the chasing log.</summary>
public sealed class ReportSource(IPlanStore plans, IProgressStore progress, IChaseHistory chases, IPublicationStore publications)
{
    public async Task<(StoredPlan Stored, ReportInputs Inputs)> LoadAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct) ?? throw new ReportNotFoundException($"There is no plan with id '{planId}'.");
        var round = stored.FindRound(roundId) ?? throw new ReportNotFoundException($"Plan '{planId}' has no round '{roundId}'.");
        var previousId = round.Quarter.Previous.RoundId;
        var updatesTask = progress.GetRoundAsync(planId, roundId, ct);
        var previousTask = progress.GetRoundAsync(planId, previousId, ct);
        var chasesTask = chases.GetRoundAsync(planId, roundId, ct);
        var publicationTask = round.State == RoundState.Published ? publications.GetAsync(planId, roundId, ct) : Task.FromResult<Publication?>(null);
        await Task.WhenAll(updatesTask, previousTask, chasesTask, publicationTask);
        return (stored, new ReportInputs(stored.Plan, round, updatesTask.Result, previousTask.Result, chasesTask.Result, publicationTask.Result?.PublishedAt));
    }

    public async Task<PlanReport> BuildAsync(string planId, string roundId, ReportAudience audience, CancellationToken ct = default) =>
        ReportBuilder.Build((await LoadAsync(planId, roundId, ct)).Inputs, audience);
}
