namespace CspFunctions.Reporting;

public sealed class NoHeldReplies : IHeldReplies
{
    public Task<IReadOnlyList<HeldReply>> ListAsync(string planId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<HeldReply>>([]);
}
