namespace CspFunctions.Responses;

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
