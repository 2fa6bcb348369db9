namespace CspFunctions.Responses;

/// <summary>One inbound email as the manager sees it.</summary>
public sealed record InboundMessage(
    string Id,
    string? MessageId,
    DateTimeOffset ReceivedAt,
    string ArchiveBlob,
    string? From,
    string? Subject,
    string? PlanId,
    string? RoundId,
    string? LeadId,
    InboundState State,
    string Reason)
{
    public IReadOnlyList<int> ActionsUpdated { get; init; } = [];
    public string? UnassignedText { get; init; }
    public IReadOnlyList<string> Evidence { get; init; } = [];
    /// <summary>Actions whose emailed update said only "no change" with no earlier update to carry forward: stored as written,
    /// and the manager should ask for a real update.</summary>
    public IReadOnlyList<int> NeedsRealUpdate { get; init; } = [];
}
