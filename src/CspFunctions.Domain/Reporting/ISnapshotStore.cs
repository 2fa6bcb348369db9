namespace CspFunctions.Reporting;

/// <summary>Immutable published files (HTML and .docx), by plan and round.</summary>
public interface ISnapshotStore
{
    Task SaveAsync(string planId, string roundId, string fileName, byte[] content, string contentType, CancellationToken ct = default);
    Task<byte[]?> GetAsync(string planId, string roundId, string fileName, CancellationToken ct = default);
}
