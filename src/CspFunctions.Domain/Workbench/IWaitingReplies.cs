using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>The inbound log seen from the manager's side: replies still waiting, and the decisions recorded on them.</summary>
public interface IWaitingReplies
{
    /// <summary>Waiting replies of these rounds of one plan, newest first: one query per round.</summary>
    Task<IReadOnlyList<WaitingReply>> ListAsync(string planId, IReadOnlyList<string> roundIds, CancellationToken ct = default);
    Task<WaitingReply?> GetAsync(string planId, string roundId, string key, CancellationToken ct = default);
    /// <summary>Records a decision and the message's new state (and what text is left unplaced), if the message is
    /// unchanged since <paramref name="reply"/> was read; otherwise <see cref="Plans.ConcurrencyConflictException"/>.</summary>
    Task RecordAsync(WaitingReply reply, InboundState newState, string? textLeft, ReplyHandling handling, CancellationToken ct = default);
}
