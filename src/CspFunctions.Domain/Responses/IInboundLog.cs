namespace CspFunctions.Responses;

/// <summary>
/// The inbound-mail log the manager pages list: one entry per delivery, by plan and round (messages that matched no
/// plan are under <see cref="ListUnmatchedAsync"/>). <see cref="ClaimAsync"/> de-duplicates deliveries by id with a
/// lease, so that overlapping deliveries of one message are processed once, and <see cref="RecordStepAsync"/> remembers
/// each side effect done so that a delivery taking over a stopped one does not repeat it.
/// </summary>
public interface IInboundLog
{
    /// <summary>Claims a delivery until <paramref name="leaseUntil"/>: <see cref="ClaimOutcome.Claimed"/> for a new id or
    /// one whose earlier claim stopped (its lease ran out; the steps it did come with the claim), <see cref="ClaimOutcome.Finished"/>
    /// with the entry when the id was already processed, <see cref="ClaimOutcome.Busy"/> while another delivery holds it.</summary>
    Task<InboundClaim> ClaimAsync(InboundMessage received, DateTimeOffset leaseUntil, CancellationToken ct = default);
    /// <summary>Records that a side effect was done (with a value such as the version or blob saved) and extends the lease.
    /// Throws <see cref="InboundClaimLostException"/> when another delivery has taken the claim over.</summary>
    Task<InboundClaim> RecordStepAsync(InboundClaim claim, string step, string value, DateTimeOffset leaseUntil, CancellationToken ct = default);
    /// <summary>Ends the lease early (the delivery failed and answers 5xx), keeping the steps done, so SendGrid's retry
    /// takes the claim over at once. Best effort: a claim already taken over is left alone.</summary>
    Task ReleaseAsync(InboundClaim claim, CancellationToken ct = default);
    /// <summary>Records the final state of a message (and lists it under its plan and round); throws
    /// <see cref="InboundClaimLostException"/> when the claim was taken over.</summary>
    Task CompleteAsync(InboundClaim claim, InboundMessage message, CancellationToken ct = default);
    /// <summary>Records a repeated delivery as its own entry, pointing at the first.</summary>
    Task RecordDuplicateAsync(InboundMessage duplicate, CancellationToken ct = default);
    Task<IReadOnlyList<InboundMessage>> ListAsync(string planId, string roundId, CancellationToken ct = default);
    Task<IReadOnlyList<InboundMessage>> ListUnmatchedAsync(CancellationToken ct = default);
    /// <summary>Removes the unplaced e-mail text (<see cref="InboundMessage.UnassignedText"/>, personal data) from every
    /// entry received before <paramref name="receivedBefore"/>, keeping the rest of the record; returns how many entries changed.</summary>
    Task<int> ForgetUnassignedTextAsync(DateTimeOffset receivedBefore, CancellationToken ct = default);
}
