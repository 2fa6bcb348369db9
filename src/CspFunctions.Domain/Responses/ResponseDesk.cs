using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>Opens personal links and saves what the form posts. Saving is per action: a version saved by someone else
/// since the page was shown is a conflict for that action only; the others still save.</summary>
public sealed class ResponseDesk(LinkSigner signer, IPlanStore plans, IProgressStore progress, IInboundLog inbound, TimeProvider clock)
{
    public async Task<LinkOpening> OpenAsync(string? token, CancellationToken ct = default)
    {
        var validation = signer.Validate(token, LinkClaims.RespondPurpose);
        if (validation.Status is LinkStatus.Expired) return new(LinkProblem.Expired, null, validation.Claims);
        if (!validation.IsValid) return new(LinkProblem.Invalid, null, null);
        return await ResolveAsync(validation.Claims!, ct);
    }

    /// <summary>The form behind claims that were signed by us, whether or not they have expired.</summary>
    public async Task<LinkOpening> ResolveAsync(LinkClaims claims, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(claims.PlanId, ct);
        var round = stored?.FindRound(claims.RoundId);
        var lead = stored?.Plan.FindLead(claims.LeadId);
        if (stored is null || round is null || lead is null) return new(LinkProblem.PlanGone, null, claims);
        var contact = lead.Contacts.FirstOrDefault(c => c.Email.Equals(claims.ContactEmail, StringComparison.OrdinalIgnoreCase));
        if (contact is null) return new(LinkProblem.ContactRemoved, null, claims);

        var context = await ContextAsync(claims, stored.Plan, round, lead, contact, ct);
        return new(round.State == RoundState.Open ? LinkProblem.None : LinkProblem.RoundClosed, context, claims);
    }

    public async Task<ResponseContext> ContextAsync(LinkClaims claims, Plan plan, ReportingRound round, Lead lead, Contact contact, CancellationToken ct = default)
    {
        var current = (await progress.GetRoundAsync(plan.Id, round.Id, ct)).Latest();
        IReadOnlyDictionary<int, ProgressUpdate> last = FinancialQuarter.TryParseRoundId(round.Id, out var quarter)
            ? (await progress.GetRoundAsync(plan.Id, quarter.Previous.RoundId, ct)).Latest()
            : new Dictionary<int, ProgressUpdate>();
        // Email replies from this lead that could not be placed on an action: the form shows them so the lead can place them.
        var unplaced = (await inbound.ListAsync(plan.Id, round.Id, ct))
            .Where(m => m.LeadId == lead.Id && m.State == InboundState.Unassigned && !string.IsNullOrWhiteSpace(m.UnassignedText))
            .OrderBy(m => m.ReceivedAt)
            .ToList();
        return new(claims, plan, round, lead, contact, plan.ActionsLedBy(lead.Id).OrderBy(a => a.Ref, Import.ActionReference.NaturalOrder).ToList(), current, last) { Unplaced = unplaced };
    }

    public async Task<SaveOutcome> SaveAsync(ResponseContext context, FormSubmission submission, CancellationToken ct = default)
    {
        var saved = new List<ProgressUpdate>();
        var same = new List<ProgressUpdate>();
        var conflicts = new List<SaveConflict>();
        var now = clock.GetUtcNow();
        foreach (var answer in submission.Answers.Where(a => !a.IsEmpty))
        {
            context.Current.TryGetValue(answer.ActionNumber, out var current);
            var update = ToUpdate(context, answer, now);
            if (current is not null && current.Version == answer.BaseVersion && current.Status == update.Status && current.Rag == update.Rag && current.Text == update.Text)
            {
                same.Add(current);
                continue;
            }
            if ((current?.Version ?? 0) != answer.BaseVersion)
            {
                conflicts.Add(new(answer, current!));
                continue;
            }
            try { saved.Add(await progress.AddAsync(update, answer.BaseVersion, ct)); }
            catch (UpdateConflictException ex) { conflicts.Add(new(answer, ex.Current)); }
        }
        return new(saved, same, conflicts);
    }

    public static string ConfirmedUnchanged(string lastText, DateTimeOffset on, string name) =>
        $"{lastText.TrimEnd()}\n\n(Confirmed unchanged on {on.UtcDateTime:d MMMM yyyy} by {name}.)";

    private static ProgressUpdate ToUpdate(ResponseContext context, ActionAnswer answer, DateTimeOffset now)
    {
        var n = answer.ActionNumber;
        if (answer.Unchanged)
        {
            var last = context.LastQuarter[n];
            return new(context.Plan.Id, context.Round.Id, n, answer.BaseVersion + 1, answer.Status ?? last.Status, answer.Rag ?? last.Rag,
                ConfirmedUnchanged(last.Text, now, context.Contact.Name), context.Contact.Name, context.Contact.Email, now, UpdateChannel.Form);
        }
        return new(context.Plan.Id, context.Round.Id, n, answer.BaseVersion + 1, answer.Status!.Value, answer.Rag!.Value, answer.Text,
            context.Contact.Name, context.Contact.Email, now, UpdateChannel.Form);
    }
}
