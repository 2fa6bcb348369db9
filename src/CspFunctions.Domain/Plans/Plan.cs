namespace CspFunctions.Plans;

/// <summary>A CSP business plan: priorities in order, the actions under them, and who leads each.</summary>
public sealed record Plan(
    string Id,
    string Name,
    int FinancialYearStart,
    string TimeZone,
    string? Introduction,
    IReadOnlyList<Contact> Managers,
    IReadOnlyList<Priority> Priorities,
    IReadOnlyList<Lead> Leads,
    IReadOnlyList<PlanAction> Actions)
{
    /// <summary>Board members told in Teams (activity feed) when a report is published; optional.</summary>
    public IReadOnlyList<Contact> BoardMembers { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public FinancialYear FinancialYear => new(FinancialYearStart);

    public Lead? FindLead(string leadId) => Leads.FirstOrDefault(l => l.Id == leadId);

    public IEnumerable<PlanAction> ActionsLedBy(string leadId) => Actions.Where(a => a.LeadIds.Contains(leadId));

    public IEnumerable<PlanAction> ActionsIn(Priority priority) => Actions.Where(a => a.PriorityId == priority.Id);
}

public sealed record Priority(string Id, string Title);

/// <summary>An organisation, team or role that leads actions; people are reached through its contacts.</summary>
public sealed record Lead(string Id, string Name, IReadOnlyList<Contact> Contacts, string? DeputyLeadId = null);

public sealed record Contact(string Name, string Email, string? TeamsUserId = null);

public sealed record PlanAction(
    int Number,
    string PriorityId,
    string Text,
    IReadOnlyList<string> LeadIds,
    IReadOnlyList<LinkedDocument> Documents,
    bool Restricted = false)
{
    /// <summary>Where a carried-forward action came from, e.g. "luton-2018-19#12"; null for a new action.</summary>
    public string? CarriedFrom { get; init; }
}

public sealed record LinkedDocument(string Title, string? Url = null);
