using CspFunctions.Reporting;
using CspFunctions.Setup;
using Microsoft.Extensions.Options;

namespace CspFunctions.Storage;

/// <summary>The board-notices Storage queue (Csp__Queues__BoardNotices); SendBoardNotices reads it.</summary>
public sealed class StorageBoardNoticeQueue(StorageClients clients, IOptions<QueueOptions> queues) : IBoardNoticeQueue
{
    private readonly Lazy<Task<Azure.Storage.Queues.QueueClient>> _queue = clients.QueueOnFirstUse(queues.Value.BoardNotices);

    public async Task EnqueueAsync(BoardNoticeRequest request, CancellationToken ct = default) =>
        await (await _queue.Value).SendMessageAsync(request.ToJson(), ct);
}
