namespace CspFunctions.Reporting;

public interface IPublicationStore
{
    Task<Publication?> GetAsync(string planId, string roundId, CancellationToken ct = default);
    Task SaveAsync(Publication publication, CancellationToken ct = default);
    /// <summary>Insert-only: the first request to publish a round holds it. A claim published before
    /// <paramref name="takeOverIfPublishedBefore"/> (an attempt that stopped before its commit) may be taken over.</summary>
    Task<PublicationClaim> ClaimAsync(Publication publication, DateTimeOffset takeOverIfPublishedBefore, CancellationToken ct = default);
    /// <summary>Removes this request's claim (it failed before the commit), unless another request has taken it over.</summary>
    Task ReleaseAsync(Publication publication, CancellationToken ct = default);
    /// <summary>Records how one notice went, leaving the other notice as it is.</summary>
    Task SaveNoticeAsync(string planId, string roundId, NoticeChannel channel, NoticeState state, string? error, int attempts, CancellationToken ct = default);
}
