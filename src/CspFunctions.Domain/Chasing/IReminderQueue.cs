using System.Text.Json;

namespace CspFunctions.Chasing;

public interface IReminderQueue
{
    Task EnqueueAsync(IReadOnlyList<ReminderRequest> requests, CancellationToken ct = default);
}
