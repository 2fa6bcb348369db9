using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CspFunctions.Responses;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>Creates each blob container once per process, on first use.</summary>
public sealed class BlobContainers(StorageClients clients)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new();

    public Task<BlobContainerClient> GetAsync(string name, CancellationToken ct = default) =>
        _containers.GetOrAdd(name, n => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var client = clients.Blobs.GetBlobContainerClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: ct);
            return client;
        })).Value;
}
