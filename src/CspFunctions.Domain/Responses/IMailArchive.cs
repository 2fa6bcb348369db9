namespace CspFunctions.Responses;

/// <summary>Raw inbound mail, kept before anything else happens to it (container "{prefix}inbound", "yyyy/MM/dd/{sha256}.eml").</summary>
public interface IMailArchive
{
    /// <summary>Stores the message unless a blob of that name exists already; returns the blob name.</summary>
    Task<string> ArchiveAsync(Stream message, string contentHash, DateTimeOffset receivedAt, CancellationToken ct = default);

    /// <summary>The stored message, or null when it is not there (deleted by retention); the caller disposes it.</summary>
    Task<Stream?> OpenAsync(string blobName, CancellationToken ct = default);

    public static string BlobName(string contentHash, DateTimeOffset receivedAt) => $"{receivedAt.UtcDateTime:yyyy'/'MM'/'dd}/{contentHash}.eml";
}
