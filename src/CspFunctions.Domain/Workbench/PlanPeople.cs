using CspFunctions.Plans;

namespace CspFunctions.Workbench;

/// <summary>The plan's managers and board members, edited together.</summary>
public sealed record PlanPeople(IReadOnlyList<Contact> Managers, IReadOnlyList<Contact> BoardMembers);
