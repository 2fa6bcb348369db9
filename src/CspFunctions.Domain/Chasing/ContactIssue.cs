namespace CspFunctions.Chasing;

/// <summary>A delivery problem with a contact's address (a bounce, a block, a spam report).</summary>
public sealed record ContactIssue(string Email, string Kind, DateTimeOffset At);
