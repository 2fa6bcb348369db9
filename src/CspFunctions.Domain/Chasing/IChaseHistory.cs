namespace CspFunctions.Chasing;

/// <summary>The reminders sent in a round, read from the chasing feature's reminder log.</summary>
public interface IChaseHistory
{
    Task<IReadOnlyList<ChaseRecord>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default);
}
