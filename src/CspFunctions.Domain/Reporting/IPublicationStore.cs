namespace CspFunctions.Reporting;

public interface IPublicationStore
{
    Task<Publication?> GetAsync(string planId, string roundId, CancellationToken ct = default);
    Task SaveAsync(Publication publication, CancellationToken ct = default);
}
