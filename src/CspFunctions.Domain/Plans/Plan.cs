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

    /// <summary>Actions taken out of the plan by the manager. They are not chased or reported any more; their updates
    /// stay in the progress history and their numbers are never given to a new action.</summary>
    public IReadOnlyList<PlanAction> RetiredActions { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public FinancialYear FinancialYear => new(FinancialYearStart);

    public Lead? FindLead(string leadId) => Leads.FirstOrDefault(l => l.Id == leadId);

    public IEnumerable<PlanAction> ActionsLedBy(string leadId) => Actions.Where(a => a.LeadIds.Contains(leadId));

    /// <summary>The priority's actions in the natural order of their references (1.9 before 1.10), as the import sorts
    /// them; an action added or moved to the priority in place takes its place among them.</summary>
    public IEnumerable<PlanAction> ActionsIn(Priority priority) => Actions.Where(a => a.PriorityId == priority.Id).OrderBy(a => a.Ref, Import.ActionReference.NaturalOrder);

    /// <summary>How people see and write the action stored under <paramref name="number"/>: "12", "1.2", "3a".</summary>
    public string RefOf(int number) =>
        (Actions.FirstOrDefault(a => a.Number == number) ?? RetiredActions.FirstOrDefault(a => a.Number == number))?.Ref
        ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
