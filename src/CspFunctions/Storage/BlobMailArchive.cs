using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CspFunctions.Responses;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>Raw inbound mail in "{prefix}inbound", named "yyyy/MM/dd/{sha256}.eml" by received date (the retention timer deletes by this convention).</summary>
public sealed class BlobMailArchive(BlobContainers containers, StorageNames names) : IMailArchive
{
    public async Task<string> ArchiveAsync(Stream message, string contentHash, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        var name = IMailArchive.BlobName(contentHash, receivedAt);
        var container = await containers.GetAsync(names.InboundContainer, ct);
        try
        {
            await container.GetBlobClient(name).UploadAsync(message, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" },
            }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Already archived (a repeated delivery on the same day): the stored copy is the same message.
        }
        return name;
    }

    public async Task<Stream?> OpenAsync(string blobName, CancellationToken ct = default)
    {
        var container = await containers.GetAsync(names.InboundContainer, ct);
        try { return (await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: ct)).Value.Content; }
        catch (RequestFailedException ex) when (ex.Status == 404) { return null; }
    }
}
