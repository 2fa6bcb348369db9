using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Responses;

/// <summary>The replies of a plan that wait for the manager, from the inbound log: held for review (with the reason,
/// e.g. the sender was not verified), text that could not be placed, and "no change" with nothing to carry forward.</summary>
public sealed class InboundHeldReplies(IInboundLog log, IPlanStore plans) : IHeldReplies
{
    public async Task<IReadOnlyList<HeldReply>> ListAsync(string planId, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        if (stored is null) return [];
        var result = new List<HeldReply>();
        foreach (var round in stored.Rounds)
            foreach (var m in await log.ListAsync(planId, round.Id, ct))
                if (m.State is InboundState.HeldForReview or InboundState.Unassigned || m.NeedsRealUpdate.Count > 0)
                    result.Add(new HeldReply(m.Id, m.From ?? "", m.Subject ?? "", m.ReceivedAt, m.Reason));
        return result.OrderByDescending(r => r.ReceivedAt).ToList();
    }
}
