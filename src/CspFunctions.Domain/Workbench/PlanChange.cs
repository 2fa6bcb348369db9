namespace CspFunctions.Workbench;

/// <summary>One audited change to a plan: who, when, what, and the thing before and after (JSON; null when added or removed).</summary>
public sealed record PlanChange(string PlanId, DateTimeOffset At, string By, string What, string? Before, string? After);
