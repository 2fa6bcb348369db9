namespace CspFunctions.Responses;

/// <summary>Where an inbound email ended up. Every message reaches one of these; none is dropped silently.</summary>
public enum InboundState
{
    /// <summary>Archived and being processed; a message left here failed mid-way and SendGrid's retry reprocesses it.</summary>
    Received,
    /// <summary>Every part of the reply went into an action's update.</summary>
    Applied,
    /// <summary>Some or all of the text could not be placed on an action; it waits in <see cref="InboundMessage.UnassignedText"/>.</summary>
    Unassigned,
    /// <summary>The sender is not a contact of the lead: kept for the manager, nothing said to the sender.</summary>
    HeldForReview,
    /// <summary>An out-of-office or other automatic reply: not an update.</summary>
    AutoReply,
    /// <summary>A second delivery of a message already processed.</summary>
    Duplicate,
    /// <summary>Not processed; <see cref="InboundMessage.Reason"/> says why.</summary>
    Rejected,
}

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
}

/// <summary>
/// The inbound-mail log the manager pages list: one entry per delivery, by plan and round (messages that matched no
/// plan are under <see cref="ListUnmatchedAsync"/>). <see cref="TryClaimAsync"/> de-duplicates deliveries by id.
/// </summary>
public interface IInboundLog
{
    /// <summary>Starts processing a delivery. Returns the existing entry if this id was already finished (a duplicate);
    /// null when the caller should process it (new, or an earlier attempt stopped half-way).</summary>
    Task<InboundMessage?> TryClaimAsync(InboundMessage received, CancellationToken ct = default);
    /// <summary>Records the final state of a message (and lists it under its plan and round).</summary>
    Task CompleteAsync(InboundMessage message, CancellationToken ct = default);
    /// <summary>Records a repeated delivery as its own entry, pointing at the first.</summary>
    Task RecordDuplicateAsync(InboundMessage duplicate, CancellationToken ct = default);
    Task<IReadOnlyList<InboundMessage>> ListAsync(string planId, string roundId, CancellationToken ct = default);
    Task<IReadOnlyList<InboundMessage>> ListUnmatchedAsync(CancellationToken ct = default);
}
