namespace CspFunctions.Chasing;

/// <summary>Used until the reminder log is wired in: nobody has been chased.</summary>
public sealed class NoChaseHistory : IChaseHistory
{
    public Task<IReadOnlyList<ChaseRecord>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ChaseRecord>>([]);
}
