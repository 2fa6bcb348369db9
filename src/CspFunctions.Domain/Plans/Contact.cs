namespace CspFunctions.Plans;

public sealed record Contact(string Name, string Email, string? TeamsUserId = null);
