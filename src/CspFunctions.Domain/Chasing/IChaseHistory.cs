namespace CspFunctions.Chasing;

/// <summary>One reminder sent to a lead in a round.</summary>
public sealed record ChaseRecord(string LeadId, string StageId, string Channel, DateTimeOffset SentAt);

/// <summary>The reminders sent in a round, read from the chasing feature's reminder log.</summary>
public interface IChaseHistory
{
    Task<IReadOnlyList<ChaseRecord>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default);
}

/// <summary>Used until the reminder log is wired in: nobody has been chased.</summary>
public sealed class NoChaseHistory : IChaseHistory
{
    public Task<IReadOnlyList<ChaseRecord>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ChaseRecord>>([]);
}
