using CspFunctions.Chasing;
using CspFunctions.Setup;
using Microsoft.Extensions.Options;

namespace CspFunctions.Storage;

/// <summary>One Storage-queue message per reminder; the queue-triggered function sends it.</summary>
public sealed class StorageReminderQueue(StorageClients clients, IOptions<QueueOptions> queues) : IReminderQueue
{
    private readonly Lazy<Task<Azure.Storage.Queues.QueueClient>> _queue = clients.QueueOnFirstUse(queues.Value.Reminders);

    public async Task EnqueueAsync(IReadOnlyList<ReminderRequest> requests, CancellationToken ct = default)
    {
        if (requests.Count == 0) return;
        var queue = await _queue.Value;
        // Sends are independent; a few in flight at once keeps a large sweep quick without flooding the account.
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (request, token) => await queue.SendMessageAsync(request.ToJson(), token));
    }
}
