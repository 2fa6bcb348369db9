using CspFunctions.Messaging;
using CspFunctions.Reporting;

namespace CspFunctions.Tests.Reporting;

/// <summary>Records Graph activity notifications instead of sending them (the real notifier belongs to the chasing feature).</summary>
public sealed class RecordingTeamsNotifier : ITeamsNotifier
{
    public List<TeamsActivity> Sent { get; } = [];
    public Exception? FailWith { get; set; }

    public Task NotifyAsync(TeamsActivity activity, CancellationToken ct = default)
    {
        if (FailWith is { } ex) throw ex;
        lock (Sent) Sent.Add(activity);
        return Task.CompletedTask;
    }
}

/// <summary>A snapshot store whose second write fails, as a storage outage half-way through publishing would.</summary>
public sealed class FailingSnapshotStore : ISnapshotStore
{
    private int _writes;
    public List<string> Deleted { get; } = [];
    public Task SaveAsync(string planId, string roundId, string fileName, byte[] content, string contentType, bool replace, CancellationToken ct = default) =>
        Interlocked.Increment(ref _writes) == 2 ? throw new IOException("storage unavailable") : Task.CompletedTask;
    public Task<byte[]?> GetAsync(string planId, string roundId, string fileName, CancellationToken ct = default) => Task.FromResult<byte[]?>(null);
    public Task DeleteAsync(string planId, string roundId, string fileName, CancellationToken ct = default)
    {
        lock (Deleted) Deleted.Add(fileName);
        return Task.CompletedTask;
    }
}
