using CspFunctions.Plans;

namespace CspFunctions.Import;

/// <summary>Word, Excel and CSV files name leads but cannot carry their contacts. When such a file updates a stored plan,
/// a lead with the same name keeps its id, contacts and deputy, so re-importing never loses who to chase.</summary>
public static class KnownLeads
{
    public static PlanDocument Apply(PlanDocument doc, Plan existing)
    {
        var renamed = new Dictionary<string, string>();
        foreach (var lead in doc.Leads ?? [])
        {
            var known = existing.Leads.FirstOrDefault(l => string.Equals(l.Name, lead.Name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null) continue;
            if (lead.Id != known.Id) renamed[lead.Id!] = known.Id;
            lead.Id = known.Id;
            if (lead.Contacts is null or { Count: 0 })
                lead.Contacts = known.Contacts.Select(c => new ContactDocument { Name = c.Name, Email = c.Email, TeamsUserId = c.TeamsUserId }).ToList();
        }
        foreach (var lead in doc.Leads ?? [])
        {
            var known = existing.Leads.FirstOrDefault(l => l.Id == lead.Id);
            if (lead.DeputyLeadId is null && known?.DeputyLeadId is { } deputy && doc.Leads!.Any(l => l.Id == deputy)) lead.DeputyLeadId = deputy;
        }
        foreach (var action in doc.Actions ?? [])
            action.LeadIds = action.LeadIds?.Select(id => renamed.GetValueOrDefault(id, id)).ToList();
        doc.Managers = doc.Managers is { Count: > 0 } ? doc.Managers : existing.Managers.Select(c => new ContactDocument { Name = c.Name, Email = c.Email, TeamsUserId = c.TeamsUserId }).ToList();
        doc.BoardMembers ??= existing.BoardMembers.Select(c => new ContactDocument { Name = c.Name, Email = c.Email, TeamsUserId = c.TeamsUserId }).ToList();
        return doc;
    }
}
