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

    /// <summary>Actions the reply answered only "no change" with no earlier update to carry forward: stored as written,
    /// so chasing stopped, and the report shows "no change" until someone gets a real update.</summary>
    public IReadOnlyList<int> NeedsRealUpdate { get; init; } = [];

    /// <summary>Applied, but the manager must still get a real update for <see cref="NeedsRealUpdate"/>.</summary>
    public bool IsNoChangeWithoutPrevious => NeedsRealUpdate.Count > 0 && State is not (InboundState.Unassigned or InboundState.HeldForReview);

    /// <summary>Still the manager's to decide: unplaced or held and not yet handed to the lead, or a "no change" with
    /// nothing to carry forward that nobody has dealt with.</summary>
    public bool IsWaiting =>
        State is InboundState.Unassigned or InboundState.HeldForReview ? Handled.All(h => h.Kind != ReplyHandlingKind.Forwarded)
        : IsNoChangeWithoutPrevious && Handled.Count == 0;
}
