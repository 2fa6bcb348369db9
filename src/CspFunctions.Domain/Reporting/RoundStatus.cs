using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Reporting;

public static class RoundStatus
{
    public static IReadOnlyList<LeadStatus> Of(Plan plan, IReadOnlyList<ProgressUpdate> updates, IReadOnlyList<ChaseRecord> chases, IReadOnlyList<ContactIssue> issues)
    {
        var answered = updates.Latest().Keys.ToHashSet();
        return plan.Leads
            .Select(lead =>
            {
                var actions = plan.ActionsLedBy(lead.Id).OrderBy(a => a.Ref, Import.ActionReference.NaturalOrder).Select(a => a.Number).ToList();
                var sent = chases.Where(c => c.LeadId == lead.Id).ToList();
                var emails = lead.Contacts.Select(c => c.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
                return new LeadStatus(lead.Id, lead.Name, actions, actions.Where(answered.Contains).ToList(), sent.Count,
                    sent.Count == 0 ? null : sent.Max(c => c.SentAt), issues.Where(i => emails.Contains(i.Email)).ToList());
            })
            .Where(s => s.Actions.Count > 0)
            .OrderByDescending(s => s.Outstanding.Count).ThenBy(s => s.LeadName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
