using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>
/// An update a lead gave by phone, in a meeting or by email to the manager, typed in by the manager: a new version
/// with channel <see cref="UpdateChannel.Manager"/> ("Recorded by manager"), the lead's person as given-by. Chasing
/// stops for the actions it covers as for any answer (an action with any version this round is answered).
/// </summary>
public sealed class UpdateRecorder(IPlanStore plans, IProgressStore progress, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Ways = ["phone", "meeting", "email", "other"];

    public async Task<WorkbenchOutcome> RecordAsync(string planId, string roundId, string leadId, IReadOnlyList<ReplyPlacement> entries,
        string givenBy, DateOnly? givenOn, string how, string recordedBy, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        var round = stored?.FindRound(roundId);
        var lead = stored?.Plan.FindLead(leadId);
        if (stored is null || round is null || lead is null) return WorkbenchOutcome.Refused(new FieldError("lead", "That plan, round or lead does not exist"));
        var errors = new List<FieldError>();
        givenBy = (givenBy ?? "").Trim();
        if (givenBy.Length is 0 or > 200) errors.Add(new FieldError("given-by", "Enter who gave the update (200 characters or fewer)"));
        var today = LondonClock.DateOf(clock.GetUtcNow());
        if (givenOn is null) errors.Add(new FieldError("given-on", "Enter the date the update was given"));
        else if (givenOn > today) errors.Add(new FieldError("given-on", "The date the update was given cannot be in the future"));
        else if (givenOn < round.PeriodStart) errors.Add(new FieldError("given-on", $"The date must be in or after the quarter ({round.PeriodStart:d MMMM yyyy})"));
        how = (how ?? "").Trim().ToLowerInvariant();
        if (!Ways.Contains(how)) errors.Add(new FieldError("given-how", "Choose how the update was given"));
        var now = clock.GetUtcNow();
        var email = lead.Contacts.FirstOrDefault(c => c.Name.Equals(givenBy, StringComparison.OrdinalIgnoreCase))?.Email;
        var (updates, conflict) = await PlacementCheck.BuildAsync(progress, stored.Plan, roundId, lead, entries, errors,
            (p, version) => new ProgressUpdate(planId, roundId, p.ActionNumber, version, p.Status, p.Rag, p.Text, givenBy, email, now, UpdateChannel.Manager)
            {
                RecordedBy = recordedBy, GivenOn = givenOn, GivenHow = how,
            }, ct);
        if (errors.Count > 0) return WorkbenchOutcome.Refused(errors);
        if (conflict is not null) return conflict;
        try { await progress.AddAllAsync(updates, ct); }
        catch (UpdateConflictException ex) { return WorkbenchOutcome.Conflicted(ex.Message + " Nothing was saved.", ex.Current); }
        return WorkbenchOutcome.Saved;
    }
}
