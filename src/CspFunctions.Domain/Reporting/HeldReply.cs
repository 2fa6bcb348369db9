namespace CspFunctions.Reporting;

/// <summary>A reply that did not land in a progress field: no matching token, held for review, or from an unknown sender.</summary>
public sealed record HeldReply(string Id, string From, string Subject, DateTimeOffset ReceivedAt, string Reason);
