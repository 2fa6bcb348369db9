using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace CspFunctions.EmptyApp;

/// <summary>What the app's health probe does (src/CspFunctions/Storage/StorageHealth.cs), with nothing of the app around it:
/// the table, queue and blob services' properties, read at once, on clients from the storage connection string.</summary>
public sealed class StorageProbe(string connection)
{
    private readonly TableServiceClient _tables = new(connection);
    private readonly QueueServiceClient _queues = new(connection);
    private readonly BlobServiceClient _blobs = new(connection);

    public Task RunAsync(CancellationToken ct) =>
        Task.WhenAll(_tables.GetPropertiesAsync(ct), _queues.GetPropertiesAsync(ct), _blobs.GetPropertiesAsync(ct));
}
