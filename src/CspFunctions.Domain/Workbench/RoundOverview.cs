using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>
/// What the manager's round page shows, in two steps: the plan's partition (the round, its leads and their contacts),
/// then at once the partitions the page needs: this round's and last quarter's updates (the page shows the direction of
/// travel), the round's reminder log, the contact-health table, and the publication row when the round is published.
/// </summary>
public sealed class RoundOverview(IPlanStore plans, IProgressStore progress, IChaseHistory chases, IContactHealth health, IPublicationStore publications)
{
    public async Task<RoundView?> LoadAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        var round = stored?.FindRound(roundId);
        if (stored is null || round is null) return null;
        var updates = progress.GetRoundAsync(planId, roundId, ct);
        var previous = progress.GetRoundAsync(planId, round.Quarter.Previous.RoundId, ct);
        var sent = chases.GetRoundAsync(planId, roundId, ct);
        var issues = health.GetIssuesAsync(stored.Plan.Leads.SelectMany(l => l.Contacts).Select(c => c.Email), ct);
        var publication = round.State == RoundState.Published ? publications.GetAsync(planId, roundId, ct) : Task.FromResult<Publication?>(null);
        await Task.WhenAll(updates, previous, sent, issues, publication);
        var inputs = new ReportInputs(stored.Plan, round, updates.Result, previous.Result, sent.Result, publication.Result?.PublishedAt);
        return new RoundView(stored, inputs, issues.Result, publication.Result);
    }
}
