using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>Asks each storage service one cheap question with a short timeout.</summary>
public sealed class StorageHealth(StorageClients clients)
{
    public async Task<IReadOnlyList<StorageProbe>> ProbeAsync(CancellationToken ct)
    {
        return await Task.WhenAll(
            Probe("tables", c => clients.Tables.GetPropertiesAsync(c)),
            Probe("queues", c => clients.Queues.GetPropertiesAsync(c)),
            Probe("blobs", c => clients.Blobs.GetPropertiesAsync(c)));

        async Task<StorageProbe> Probe(string service, Func<CancellationToken, Task> call)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await call(timeout.Token);
                return new StorageProbe(service, true, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return new StorageProbe(service, false, ex is OperationCanceledException ? "timed out after 5 s" : ex.GetType().Name + ": " + ex.Message.Split('\n')[0]);
            }
        }
    }
}
