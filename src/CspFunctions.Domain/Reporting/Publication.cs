namespace CspFunctions.Reporting;

public enum NoticeState { NotConfigured, Pending, Sent, Failed }

/// <summary>A published round: when, by whom, where its snapshot is, and how telling the board went.</summary>
public sealed record Publication(
    string PlanId,
    string RoundId,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    string CardJson,
    NoticeState BoardNotice,
    string? BoardError,
    NoticeState MemberNotice,
    string? MemberError,
    int NoticeAttempts);

public interface IPublicationStore
{
    Task<Publication?> GetAsync(string planId, string roundId, CancellationToken ct = default);
    Task SaveAsync(Publication publication, CancellationToken ct = default);
}

/// <summary>Immutable published files (HTML and .docx), by plan and round.</summary>
public interface ISnapshotStore
{
    Task SaveAsync(string planId, string roundId, string fileName, byte[] content, string contentType, CancellationToken ct = default);
    Task<byte[]?> GetAsync(string planId, string roundId, string fileName, CancellationToken ct = default);
}

/// <summary>The board's Teams channel (a Workflows webhook). Throws <see cref="Messaging.MessagingException"/> when it
/// refuses for good, or the last transient error once retries are spent.</summary>
public interface IBoardChannel
{
    bool IsConfigured { get; }
    Task PostAsync(string messageJson, CancellationToken ct = default);
}

public sealed class RoundAlreadyPublishedException(string planId, string roundId)
    : Exception($"Round {roundId} of plan '{planId}' is already published; a published round does not change.");
