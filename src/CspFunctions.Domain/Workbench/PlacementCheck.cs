using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>Checks text a manager places on a lead's actions (by reply or on the lead's behalf) before anything is written.</summary>
public static class PlacementCheck
{
    /// <summary>The next versions for the manager's placements, checked against the lead's actions and the versions the page showed.</summary>
    public static async Task<(List<ProgressUpdate> Updates, WorkbenchOutcome? Conflict)> BuildAsync(IProgressStore progress, Plan plan, string roundId, Lead lead, IReadOnlyList<ReplyPlacement> placements,
        List<FieldError> errors, Func<ReplyPlacement, int, ProgressUpdate> make, CancellationToken ct)
    {
        var updates = new List<ProgressUpdate>();
        var own = plan.ActionsLedBy(lead.Id).Select(a => a.Number).ToHashSet();
        if (placements.Count == 0) errors.Add(new FieldError("actions", "Choose at least one action"));
        foreach (var p in placements)
        {
            if (!own.Contains(p.ActionNumber)) errors.Add(new FieldError("actions", $"Action {plan.RefOf(p.ActionNumber)} is not one of {lead.Name}'s actions"));
            var text = (p.Text ?? "").Trim();
            if (text.Length == 0) errors.Add(new FieldError($"text-{p.ActionNumber}", $"Enter the text for action {plan.RefOf(p.ActionNumber)}"));
            else if (text.Length > StorageLimits.MaxTextLength) errors.Add(new FieldError($"text-{p.ActionNumber}", $"The text for action {plan.RefOf(p.ActionNumber)} must be {StorageLimits.MaxTextLength} characters or fewer"));
        }
        if (placements.Select(p => p.ActionNumber).Distinct().Count() != placements.Count) errors.Add(new FieldError("actions", "Each action can be chosen once"));
        if (errors.Count > 0) return (updates, null);
        var latest = (await progress.GetRoundAsync(plan.Id, roundId, ct)).Latest();
        foreach (var p in placements)
        {
            latest.TryGetValue(p.ActionNumber, out var current);
            if ((current?.Version ?? 0) != p.BaseVersion)
                return (updates, WorkbenchOutcome.Conflicted($"Action {plan.RefOf(p.ActionNumber)} was updated by {current?.GivenBy} at {current?.GivenAt:u} since the page was shown; nothing was saved. Their update is shown beside yours.", current));
            updates.Add(make(p with { Text = p.Text!.Trim() }, p.BaseVersion + 1));
        }
        return (updates, null);
    }
}
