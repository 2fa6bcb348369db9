using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Chasing;

/// <summary>Decides who is chased today, and what the managers' weekly digest says.</summary>
public static class ChasePlanner
{
    /// <summary>
    /// One <see cref="LeadChase"/> per lead that still owes an update for at least one of its actions, for today's stage
    /// (see <see cref="ChaseSchedule.StagesDueOn"/>), unless the reminder log already has that stage's e-mail for the lead.
    /// An action counts as answered once it has any version of an update in this round.
    /// </summary>
    /// <param name="latestUpdatesThisRound">This round's updates by action number (see <see cref="ProgressHistory.Latest"/>).</param>
    /// <param name="alreadySentKeys">This round's reminder-log keys (<see cref="ReminderLogKey.For"/>).</param>
    public static ChasePlan WhoIsDue(
        Plan plan,
        ReportingRound round,
        IReadOnlyDictionary<int, ProgressUpdate> latestUpdatesThisRound,
        IReadOnlySet<string> alreadySentKeys,
        DateOnly londonToday,
        ChasingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(alreadySentKeys);
        CheckSameRound(plan, round, latestUpdatesThisRound);

        // A lead with its own (extended) due date has its own stage dates; the others share the round's.
        var stageByDue = new Dictionary<DateOnly, ChaseStageKey?>();
        ChaseStageKey? StageFor(string leadId)
        {
            var leadRound = round.ForLead(leadId);
            if (!stageByDue.TryGetValue(leadRound.DueDate, out var stage))
            {
                var stages = ChaseSchedule.StagesDueOn(leadRound, londonToday, policy);
                stageByDue[leadRound.DueDate] = stage = stages.Count == 0 ? null : stages[^1];
            }
            return stage;
        }
        if (round.LeadDueDates.Count == 0 && StageFor("") is null) return ChasePlan.Nothing;

        var warnings = new List<ChaseWarning>();
        var owedByLead = OwedActionsByLead(plan, latestUpdatesThisRound, warnings);
        var due = new List<LeadChase>();
        foreach (var lead in plan.Leads)
        {
            if (!owedByLead.TryGetValue(lead.Id, out var owed)) continue;
            if (StageFor(lead.Id) is not { } stage) continue;
            if (alreadySentKeys.Contains(ReminderLogKey.For(lead.Id, stage, ReminderChannel.Email))) continue;

            var recipients = Recipients(lead, warnings);
            if (recipients.Count == 0) continue;
            IReadOnlyList<Contact> copyTo = stage.IsEscalation ? EscalationCopies(plan, lead, recipients, warnings) : [];
            due.Add(new LeadChase(lead.Id, stage, owed, recipients, copyTo));
        }
        return new ChasePlan(due, warnings.Distinct().ToList());
    }

    /// <summary>
    /// The managers' digest on the digest day (see <see cref="ChaseSchedule.IsDigestDay"/>) while the round is open and
    /// has opened; null on other days. Returned even when nothing is outstanding, so the managers hear that all is in.
    /// </summary>
    public static ManagerDigest? WeeklyDigest(
        Plan plan,
        ReportingRound round,
        IReadOnlyDictionary<int, ProgressUpdate> latestUpdatesThisRound,
        DateOnly londonToday,
        ChasingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CheckSameRound(plan, round, latestUpdatesThisRound);
        if (round.State != RoundState.Open
            || londonToday < ChaseSchedule.OpeningDate(round)
            || !ChaseSchedule.IsDigestDay(londonToday, policy.DigestDay)) return null;

        var warnings = new List<ChaseWarning>();
        var owedByLead = OwedActionsByLead(plan, latestUpdatesThisRound, warnings);
        var outstanding = plan.Leads
            .Where(l => owedByLead.ContainsKey(l.Id))
            .Select(l => new OutstandingLead(l.Id, l.Name, owedByLead[l.Id]))
            .ToList();
        var recipients = new List<Contact>();
        AddValid(recipients, plan.Managers, new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            c => warnings.Add(new ChaseWarning(null, $"manager {c.Name} has an invalid email address '{c.Email}' and was left out")));
        if (recipients.Count == 0) warnings.Add(new ChaseWarning(null, "the plan has no manager with a valid email address"));

        return new ManagerDigest(
            plan.Id, round.Id, londonToday, round.DueDate,
            ActionCount: plan.Actions.Count,
            AnsweredCount: plan.Actions.Count(a => latestUpdatesThisRound.ContainsKey(a.Number)),
            outstanding, warnings.Distinct().ToList(), recipients);
    }

    private static void CheckSameRound(Plan plan, ReportingRound round, IReadOnlyDictionary<int, ProgressUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(updates);
        if (round.PlanId != plan.Id)
            throw new ArgumentException($"Round {round.Id} belongs to plan '{round.PlanId}', not '{plan.Id}'.", nameof(round));
        foreach (var update in updates.Values)
        {
            if (update.PlanId != plan.Id || update.RoundId != round.Id)
                throw new ArgumentException(
                    $"The update for action {update.ActionNumber} is for {update.PlanId} {update.RoundId}, not {plan.Id} {round.Id}.", nameof(updates));
        }
    }

    /// <summary>
    /// The chase for one lead and stage as things stand now: the sender re-checks at send time, so a lead who answered
    /// after the sweep enqueued the reminder is not chased. Null when the lead owes nothing or cannot be reached.
    /// </summary>
    public static LeadChase? ChaseNow(Plan plan, string leadId, ChaseStageKey stage, IReadOnlyDictionary<int, ProgressUpdate> latestUpdatesThisRound, List<ChaseWarning> warnings)
    {
        if (plan.FindLead(leadId) is not { } lead) return null;
        if (!OwedActionsByLead(plan, latestUpdatesThisRound, []).TryGetValue(leadId, out var owed)) return null;
        var recipients = Recipients(lead, warnings);
        if (recipients.Count == 0) return null;
        IReadOnlyList<Contact> copyTo = stage.IsEscalation ? EscalationCopies(plan, lead, recipients, warnings) : [];
        return new LeadChase(lead.Id, stage, owed, recipients, copyTo);
    }

    /// <summary>Unanswered action numbers, ascending, by lead id. Unanswered actions nobody can be chased for become warnings.</summary>
    private static Dictionary<string, List<int>> OwedActionsByLead(
        Plan plan, IReadOnlyDictionary<int, ProgressUpdate> updates, List<ChaseWarning> warnings)
    {
        var owed = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var action in plan.Actions.OrderBy(a => a.Ref, Import.ActionReference.NaturalOrder))
        {
            if (updates.ContainsKey(action.Number)) continue;
            if (action.LeadIds.Count == 0)
            {
                warnings.Add(new ChaseWarning(null, $"action {action.Ref} has no lead", action.Number));
                continue;
            }
            foreach (var leadId in action.LeadIds.Distinct())
            {
                if (plan.FindLead(leadId) is null)
                {
                    warnings.Add(new ChaseWarning(leadId, $"is named by action {action.Ref} but is not in the plan", action.Number));
                    continue;
                }
                if (!owed.TryGetValue(leadId, out var numbers)) owed[leadId] = numbers = [];
                numbers.Add(action.Number);
            }
        }
        return owed;
    }

    private static List<Contact> Recipients(Lead lead, List<ChaseWarning> warnings)
    {
        var recipients = new List<Contact>();
        if (lead.Contacts.Count == 0)
        {
            warnings.Add(new ChaseWarning(lead.Id, "has no contacts"));
            return recipients;
        }
        AddValid(recipients, lead.Contacts, new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            c => warnings.Add(new ChaseWarning(lead.Id, $"contact {c.Name} has an invalid email address '{c.Email}' and was left out")));
        if (recipients.Count == 0) warnings.Add(new ChaseWarning(lead.Id, "has no contact with a valid email address"));
        return recipients;
    }

    private static List<Contact> EscalationCopies(Plan plan, Lead lead, List<Contact> recipients, List<ChaseWarning> warnings)
    {
        var copyTo = new List<Contact>();
        var seen = new HashSet<string>(recipients.Select(r => r.Email), StringComparer.OrdinalIgnoreCase);
        AddValid(copyTo, plan.Managers, seen,
            c => warnings.Add(new ChaseWarning(null, $"manager {c.Name} has an invalid email address '{c.Email}' and was left out")));

        if (lead.DeputyLeadId is { } deputyId && deputyId != lead.Id)
        {
            if (plan.FindLead(deputyId) is { } deputy)
                AddValid(copyTo, deputy.Contacts, seen,
                    c => warnings.Add(new ChaseWarning(deputy.Id, $"contact {c.Name} has an invalid email address '{c.Email}' and was left out")));
            else
                warnings.Add(new ChaseWarning(lead.Id, $"has deputy lead '{deputyId}', which is not in the plan"));
        }
        if (copyTo.Count == 0) warnings.Add(new ChaseWarning(lead.Id, "is escalated but there is no manager or deputy to copy in"));
        return copyTo;
    }

    /// <summary>Appends contacts with a valid, not yet seen email address; reports each invalid one.</summary>
    private static void AddValid(List<Contact> into, IEnumerable<Contact> contacts, HashSet<string> seenEmails, Action<Contact> invalid)
    {
        foreach (var contact in contacts)
        {
            if (!PlanValidator.IsValidEmail(contact.Email)) invalid(contact);
            else if (seenEmails.Add(contact.Email)) into.Add(contact);
        }
    }
}
