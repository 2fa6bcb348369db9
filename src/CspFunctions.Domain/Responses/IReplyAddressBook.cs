namespace CspFunctions.Responses;

/// <summary>Remembers what each reply key and each outgoing Message-ID stands for, so an inbound reply can be matched.</summary>
public interface IReplyAddressBook
{
    /// <summary>Idempotent: the same key always maps to the same target.</summary>
    Task RegisterAsync(string replyKey, string planId, string roundId, string leadId, CancellationToken ct = default);
    Task<ReplyTarget?> FindAsync(string replyKey, CancellationToken ct = default);
    /// <summary>Records one of our outgoing Message-IDs (with or without angle brackets).</summary>
    Task RegisterMessageIdAsync(string messageId, string planId, string roundId, string leadId, CancellationToken ct = default);
    Task<ReplyTarget?> FindByMessageIdAsync(string messageId, CancellationToken ct = default);
}
