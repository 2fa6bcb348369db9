namespace CspFunctions.Reporting;

/// <summary>Messages that failed every retry (poison queues).</summary>
public interface IFailedWorkList
{
    Task<IReadOnlyList<FailedWork>> ListAsync(CancellationToken ct = default);
}
