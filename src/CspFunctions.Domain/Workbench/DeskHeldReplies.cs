using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>
/// The plan page's "replies waiting for you", read from the same list as the replies-waiting page, so the count and the
/// list always agree: a forwarded reply leaves both. A "no change" reply with no earlier update to carry forward is in
/// both: it was stored as written, so chasing for that action stopped, and only the manager will notice that the board
/// would see "no change" with nothing before it. It leaves both when placed or discarded with a reason.
/// </summary>
public sealed class DeskHeldReplies(RepliesDesk desk) : IHeldReplies
{
    public async Task<IReadOnlyList<HeldReply>> ListAsync(string planId, CancellationToken ct = default) =>
        (await desk.ListAsync(planId, ct))?.Replies.Select(r => new HeldReply(r.Id, r.From ?? "", r.Subject ?? "", r.ReceivedAt, r.Reason)).ToList() ?? [];
}
