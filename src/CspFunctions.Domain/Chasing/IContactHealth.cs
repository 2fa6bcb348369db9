namespace CspFunctions.Chasing;

/// <summary>A delivery problem with a contact's address (a bounce, a block, a spam report).</summary>
public sealed record ContactIssue(string Email, string Kind, DateTimeOffset At);

public interface IContactHealth
{
    Task<IReadOnlyList<ContactIssue>> GetIssuesAsync(IEnumerable<string> emails, CancellationToken ct = default);
}

/// <summary>Used until the SendGrid event webhook's bounce records are wired in.</summary>
public sealed class NoContactIssues : IContactHealth
{
    public Task<IReadOnlyList<ContactIssue>> GetIssuesAsync(IEnumerable<string> emails, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ContactIssue>>([]);
}
