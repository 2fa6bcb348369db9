namespace CspFunctions.Reporting;

/// <summary>A reply that did not land in a progress field: no matching token, held for review, or from an unknown sender.</summary>
public sealed record HeldReply(string Id, string From, string Subject, DateTimeOffset ReceivedAt, string Reason);

/// <summary>Work that failed for good and waits for the manager, e.g. a reminder in the poison queue.</summary>
public sealed record FailedWork(string Source, string Id, string Summary, DateTimeOffset? InsertedAt, long DequeueCount);

/// <summary>Replies the responses feature could not assign (wired by that feature; empty by default).</summary>
public interface IHeldReplies
{
    Task<IReadOnlyList<HeldReply>> ListAsync(string planId, CancellationToken ct = default);
}

public sealed class NoHeldReplies : IHeldReplies
{
    public Task<IReadOnlyList<HeldReply>> ListAsync(string planId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<HeldReply>>([]);
}

/// <summary>Messages that failed every retry (poison queues).</summary>
public interface IFailedWorkList
{
    Task<IReadOnlyList<FailedWork>> ListAsync(CancellationToken ct = default);
}
