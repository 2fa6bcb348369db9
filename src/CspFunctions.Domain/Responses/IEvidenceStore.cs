namespace CspFunctions.Responses;

/// <summary>Attachments stored as evidence (container "{prefix}evidence", "{plan}/{round}/{action}/{key}/{filename}") and listed per round.</summary>
public interface IEvidenceStore
{
    /// <param name="itemKey">Names the item (letters, digits, hyphens): adding the same key again replaces it, so a repeated
    /// attempt stores one item. Null: a new key.</param>
    Task<EvidenceItem> AddAsync(string planId, string roundId, int actionNumber, string fileName, string contentType, Stream content, string from, string? itemKey = null, CancellationToken ct = default);
    Task<IReadOnlyList<EvidenceItem>> ListAsync(string planId, string roundId, CancellationToken ct = default);
}
