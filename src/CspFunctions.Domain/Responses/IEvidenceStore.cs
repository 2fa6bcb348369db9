namespace CspFunctions.Responses;

/// <summary>Attachments stored as evidence (container "{prefix}evidence", "{plan}/{round}/{action}/{guid}/{filename}") and listed per round.</summary>
public interface IEvidenceStore
{
    Task<EvidenceItem> AddAsync(string planId, string roundId, int actionNumber, string fileName, string contentType, Stream content, string from, CancellationToken ct = default);
    Task<IReadOnlyList<EvidenceItem>> ListAsync(string planId, string roundId, CancellationToken ct = default);
}
