using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CspFunctions.Responses;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>Attachments in "{prefix}evidence" under "{plan}/{round}/{action}/{key}/{filename}", listed in the evidence table by round.</summary>
public sealed class BlobEvidenceStore(BlobContainers containers, TableSetup tables, StorageNames names, TimeProvider clock) : IEvidenceStore
{
    public async Task<EvidenceItem> AddAsync(string planId, string roundId, int actionNumber, string fileName, string contentType, Stream content, string from, string? itemKey = null, CancellationToken ct = default)
    {
        var safe = SafeFileName(fileName);
        var id = itemKey is { Length: > 0 and <= 80 } key && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? key : Guid.NewGuid().ToString("N");
        var name = $"{planId}/{roundId}/{actionNumber}/{id}/{safe}";
        var container = await containers.GetAsync(names.EvidenceContainer, ct);
        var blob = container.GetBlobClient(name);
        // Decoded attachment streams are not seekable; 4 MB blocks keep the SDK from buffering a whole attachment first.
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = "attachment" },
            TransferOptions = new Azure.Storage.StorageTransferOptions { InitialTransferSize = 4 * 1024 * 1024, MaximumTransferSize = 4 * 1024 * 1024, MaximumConcurrency = 1 },
        }, ct);
        var bytes = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value.ContentLength;
        var item = new EvidenceItem(planId, roundId, actionNumber, name, safe, contentType, bytes, from, clock.GetUtcNow());
        var table = await tables.GetAsync(names.Evidence, ct);
        await table.UpsertEntityAsync(new TableEntity(planId + "|" + roundId, $"{actionNumber:D5}|{id}")
        {
            ["BlobName"] = name, ["FileName"] = safe, ["ContentType"] = contentType, ["Bytes"] = bytes, ["From"] = from, ["AddedAt"] = item.AddedAt, ["Action"] = actionNumber,
        }, TableUpdateMode.Replace, ct);
        return item;
    }

    public async Task<IReadOnlyList<EvidenceItem>> ListAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Evidence, ct);
        var result = new List<EvidenceItem>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == planId + "|" + roundId, cancellationToken: ct))
            result.Add(new EvidenceItem(planId, roundId, e.GetInt32("Action") ?? 0, e.GetString("BlobName"), e.GetString("FileName"), e.GetString("ContentType") ?? "application/octet-stream",
                e.GetInt64("Bytes") ?? 0, e.GetString("From") ?? "", e.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue));
        return result;
    }

    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var cleaned = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_').ToArray()).Trim(' ', '.');
        if (cleaned.Length == 0) cleaned = "attachment";
        return cleaned.Length <= 100 ? cleaned : cleaned[^100..];
    }
}
