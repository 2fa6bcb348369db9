using Azure;
using CspFunctions.Reporting;
using CspFunctions.Setup;
using Microsoft.Extensions.Options;

namespace CspFunctions.Storage;

/// <summary>Peeks (never dequeues) the reminders poison queue so the manager sees what failed every retry.</summary>
public sealed class PoisonQueueList(StorageClients clients, IOptions<QueueOptions> queues) : IFailedWorkList
{
    public async Task<IReadOnlyList<FailedWork>> ListAsync(CancellationToken ct = default)
    {
        var name = QueueOptions.Poison(queues.Value.Reminders);
        var queue = clients.Queues.GetQueueClient(name);
        try
        {
            var peeked = await queue.PeekMessagesAsync(32, ct);
            return peeked.Value.Select(m => new FailedWork(name, m.MessageId, Summary(m.Body), m.InsertedOn, m.DequeueCount)).ToList();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    private static string Summary(BinaryData body)
    {
        var text = body.ToString();
        try { text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text)); }
        catch (FormatException) { }
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
