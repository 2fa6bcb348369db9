namespace CspFunctions.Responses;

/// <summary>Raw inbound mail, kept before anything else happens to it (container "{prefix}inbound", "yyyy/MM/dd/{sha256}.eml").</summary>
public interface IMailArchive
{
    /// <summary>Stores the message unless a blob of that name exists already; returns the blob name.</summary>
    Task<string> ArchiveAsync(Stream message, string contentHash, DateTimeOffset receivedAt, CancellationToken ct = default);

    public static string BlobName(string contentHash, DateTimeOffset receivedAt) => $"{receivedAt.UtcDateTime:yyyy'/'MM'/'dd}/{contentHash}.eml";
}

/// <summary>An attachment kept as evidence for an action's update.</summary>
public sealed record EvidenceItem(string PlanId, string RoundId, int ActionNumber, string BlobName, string FileName, string ContentType, long Bytes, string From, DateTimeOffset AddedAt);

/// <summary>Attachments stored as evidence (container "{prefix}evidence", "{plan}/{round}/{action}/{guid}/{filename}") and listed per round.</summary>
public interface IEvidenceStore
{
    Task<EvidenceItem> AddAsync(string planId, string roundId, int actionNumber, string fileName, string contentType, Stream content, string from, CancellationToken ct = default);
    Task<IReadOnlyList<EvidenceItem>> ListAsync(string planId, string roundId, CancellationToken ct = default);
}
