using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>An inbound reply as the replies-waiting page shows it. <see cref="ETag"/> guards the decision about it;
/// <see cref="Text"/> is what could not be placed (for a held message, the whole reply).</summary>
public sealed record WaitingReply(
    string PlanId,
    string RoundId,
    string Key,
    string Id,
    DateTimeOffset ReceivedAt,
    string? From,
    string? Subject,
    string? LeadId,
    InboundState State,
    string Reason,
    string? Text,
    string ArchiveBlob,
    string ETag)
{
    public IReadOnlyList<ReplyHandling> Handled { get; init; } = [];

    /// <summary>Still the manager's to decide: unplaced or held, and not yet handed to the lead.</summary>
    public bool IsWaiting => State is InboundState.Unassigned or InboundState.HeldForReview && Handled.All(h => h.Kind != ReplyHandlingKind.Forwarded);
}
