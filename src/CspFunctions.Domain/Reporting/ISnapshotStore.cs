namespace CspFunctions.Reporting;

/// <summary>Immutable published files (HTML and .docx), by plan and round.</summary>
public interface ISnapshotStore
{
    /// <summary>Writes a file. Insert-only unless <paramref name="replace"/> (taking over a publication that stopped before
    /// its commit): a snapshot that exists is never overwritten by a second publish.</summary>
    Task SaveAsync(string planId, string roundId, string fileName, byte[] content, string contentType, bool replace, CancellationToken ct = default);
    Task<byte[]?> GetAsync(string planId, string roundId, string fileName, CancellationToken ct = default);
    /// <summary>Removes a file written by a publication that failed before its commit.</summary>
    Task DeleteAsync(string planId, string roundId, string fileName, CancellationToken ct = default);
}
