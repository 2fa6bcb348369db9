namespace CspFunctions.Plans;

/// <summary>An organisation, team or role that leads actions; people are reached through its contacts.</summary>
public sealed record Lead(string Id, string Name, IReadOnlyList<Contact> Contacts, string? DeputyLeadId = null);
