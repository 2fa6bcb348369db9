namespace CspFunctions.Responses;

/// <summary>A contact not to chase until <see cref="Until"/> (an out-of-office reply said they are away).</summary>
public sealed record ContactPause(string PlanId, string Email, DateTimeOffset Until, string Reason, DateTimeOffset RecordedAt);
