namespace CspFunctions.Chasing;

/// <summary>One reminder sent to a lead in a round.</summary>
public sealed record ChaseRecord(string LeadId, string StageId, string Channel, DateTimeOffset SentAt);
