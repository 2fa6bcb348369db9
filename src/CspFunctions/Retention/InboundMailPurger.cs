using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CspFunctions.Observability;
using CspFunctions.Responses;
using CspFunctions.Setup;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Retention;

/// <summary>
/// Deletes archived raw inbound mail (container {prefix}inbound, names yyyy/MM/dd/{id}.eml) received before the retention
/// cutoff. It walks the archive by date folder, so days still within retention are never listed, and it leaves anything
/// that does not follow the naming convention where it is. At the same cutoff it removes the e-mail text the inbound log
/// kept because it could not be placed on an action. Running it twice is harmless.
/// </summary>
public sealed class InboundMailPurger(StorageClients storage, StorageNames names, IInboundLog inboundLog, InboundMailRetention retention, TimeProvider clock,
    CspTelemetry telemetry, ILogger<InboundMailPurger> logger)
{
    public async Task<PurgeOutcome> PurgeAsync(CancellationToken ct)
    {
        var cutoff = retention.Cutoff(clock.GetUtcNow());
        var outcome = await PurgeArchiveAsync(cutoff, ct);
        var cleared = await inboundLog.ForgetUnassignedTextAsync(new DateTimeOffset(cutoff.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ct);
        logger.LogInformation("Inbound mail retention: cleared the unplaced e-mail text of {TextsCleared} inbound-log entries received before {Cutoff:yyyy-MM-dd}", cleared, cutoff);
        return outcome with { TextsCleared = cleared };
    }

    private async Task<PurgeOutcome> PurgeArchiveAsync(DateOnly cutoff, CancellationToken ct)
    {
        var container = storage.Blobs.GetBlobContainerClient(names.InboundContainer);
        var outcome = new PurgeOutcome(cutoff, 0, 0);
        try
        {
            outcome = await VisitAsync(container, "", cutoff, outcome, ct);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            logger.LogInformation("No inbound mail archive yet (container {Container} does not exist); nothing to delete", names.InboundContainer);
            return outcome;
        }
        telemetry.InboundMailDeleted(outcome.Deleted);
        logger.LogInformation("Inbound mail retention: deleted {Deleted} messages received before {Cutoff:yyyy-MM-dd} ({Days} days); left {LeftAlone} unrecognised blobs alone",
            outcome.Deleted, cutoff, retention.Days, outcome.LeftAlone);
        return outcome;
    }

    private async Task<PurgeOutcome> VisitAsync(BlobContainerClient container, string folder, DateOnly cutoff, PurgeOutcome outcome, CancellationToken ct)
    {
        await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", folder, ct))
        {
            if (!item.IsPrefix)
            {
                outcome = LeaveAlone(outcome, item.Blob.Name);
                continue;
            }
            switch (retention.Judge(item.Prefix, cutoff))
            {
                case ArchiveFolderVerdict.Expired:
                    outcome = await DeleteExpiredAsync(container, item.Prefix, outcome, ct);
                    break;
                case ArchiveFolderVerdict.Straddles:
                    outcome = await VisitAsync(container, item.Prefix, cutoff, outcome, ct);
                    break;
                case ArchiveFolderVerdict.NotArchive:
                    outcome = LeaveAlone(outcome, item.Prefix);
                    break;
            }
        }
        return outcome;
    }

    private async Task<PurgeOutcome> DeleteExpiredAsync(BlobContainerClient container, string folder, PurgeOutcome outcome, CancellationToken ct)
    {
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder, ct))
        {
            if (!InboundMailRetention.TryReadBlobName(blob.Name, out var receivedOn) || receivedOn >= outcome.Cutoff)
            {
                outcome = LeaveAlone(outcome, blob.Name);
                continue;
            }
            // DeleteIfExists: a second run, or a run overlapping this one, finds some already gone.
            var deleted = await container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
            if (deleted.Value) outcome = outcome with { Deleted = outcome.Deleted + 1 };
        }
        return outcome;
    }

    private PurgeOutcome LeaveAlone(PurgeOutcome outcome, string name)
    {
        logger.LogWarning("Inbound mail retention left {BlobName} alone: it is not named yyyy/MM/dd/{{id}}.eml, so its age is unknown", name);
        return outcome with { LeftAlone = outcome.LeftAlone + 1 };
    }
}
