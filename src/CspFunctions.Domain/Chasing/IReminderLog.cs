namespace CspFunctions.Chasing;

/// <summary>
/// Which reminders went out, keyed by round, lead, stage and channel. A send is claimed before it happens
/// (insert-if-absent) and marked afterwards, so a timer that fires twice, two instances, or a redelivered queue
/// message cannot send twice. See docs/chasing.md for the crash-window trade-off.
/// </summary>
public interface IReminderLog
{
    /// <summary>Keys that must not be sent again by a new sweep: sent, refused for good, skipped, or claimed and in flight.</summary>
    Task<IReadOnlySet<string>> SettledKeysAsync(string planId, string roundId, CancellationToken ct = default);
    /// <summary>Claims "{lead}|{stage}|{channel}" in the round's log for <paramref name="claimantId"/> (the queue message id).</summary>
    Task<ClaimOutcome> ClaimAsync(string planId, string roundId, string key, string claimantId, CancellationToken ct = default);
    Task MarkAsync(string planId, string roundId, string key, ReminderState state, string? detail, CancellationToken ct = default);
    Task RecordWarningsAsync(string planId, string roundId, IReadOnlyList<ChaseWarning> warnings, CancellationToken ct = default);
    Task<IReadOnlyList<ReminderRecord>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default);
    Task<IReadOnlyList<ChaseWarning>> GetWarningsAsync(string planId, string roundId, CancellationToken ct = default);
}
