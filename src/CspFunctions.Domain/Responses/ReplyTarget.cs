namespace CspFunctions.Responses;

/// <summary>Which plan, round and lead a reminder was about, found again from its reply address or Message-ID.</summary>
public sealed record ReplyTarget(string PlanId, string RoundId, string LeadId);
