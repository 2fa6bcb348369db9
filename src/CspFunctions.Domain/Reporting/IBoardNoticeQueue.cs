namespace CspFunctions.Reporting;

/// <summary>Where publishing leaves the work of telling the board, at the commit (Storage queue Csp__Queues__BoardNotices).</summary>
public interface IBoardNoticeQueue
{
    Task EnqueueAsync(BoardNoticeRequest request, CancellationToken ct = default);
}
