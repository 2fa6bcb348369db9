namespace CspFunctions.Responses;

/// <summary>An attachment kept as evidence for an action's update.</summary>
public sealed record EvidenceItem(string PlanId, string RoundId, int ActionNumber, string BlobName, string FileName, string ContentType, long Bytes, string From, DateTimeOffset AddedAt);
