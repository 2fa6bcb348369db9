namespace CspFunctions.Chasing;

public interface IContactHealth
{
    Task<IReadOnlyList<ContactIssue>> GetIssuesAsync(IEnumerable<string> emails, CancellationToken ct = default);
}
