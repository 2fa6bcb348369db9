namespace CspFunctions.Chasing;

/// <summary>Used until the SendGrid event webhook's bounce records are wired in.</summary>
public sealed class NoContactIssues : IContactHealth
{
    public Task<IReadOnlyList<ContactIssue>> GetIssuesAsync(IEnumerable<string> emails, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ContactIssue>>([]);
}
