using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CspFunctions.Reporting;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>Published snapshots as blobs named "{plan}/{round}/{file}" in the reports container, written insert-only
/// (If-None-Match: *) so a published snapshot is never overwritten.</summary>
public sealed class BlobSnapshotStore(StorageClients clients, StorageNames names) : ISnapshotStore
{
    private readonly Lazy<Task<BlobContainerClient>> _container = new(async () =>
    {
        var container = clients.Blobs.GetBlobContainerClient(names.Reports);
        await container.CreateIfNotExistsAsync();
        return container;
    });

    public static string BlobName(string planId, string roundId, string fileName) => $"{planId}/{roundId}/{fileName}";

    public async Task SaveAsync(string planId, string roundId, string fileName, byte[] content, string contentType, bool replace, CancellationToken ct = default)
    {
        var container = await _container.Value;
        await container.GetBlobClient(BlobName(planId, roundId, fileName)).UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = replace ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, ct);
    }

    public async Task<byte[]?> GetAsync(string planId, string roundId, string fileName, CancellationToken ct = default)
    {
        var container = await _container.Value;
        try
        {
            var result = await container.GetBlobClient(BlobName(planId, roundId, fileName)).DownloadContentAsync(ct);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string planId, string roundId, string fileName, CancellationToken ct = default)
    {
        var container = await _container.Value;
        await container.DeleteBlobIfExistsAsync(BlobName(planId, roundId, fileName), cancellationToken: ct);
    }
}
