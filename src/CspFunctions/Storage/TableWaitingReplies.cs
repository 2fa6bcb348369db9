using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CspFunctions.Plans;
using CspFunctions.Responses;
using CspFunctions.Setup;
using CspFunctions.Workbench;

namespace CspFunctions.Storage;

/// <summary>
/// Reads and annotates the inbound log that <see cref="TableInboundLog"/> writes ("inboundlog", PartitionKey "{plan}|{round}",
/// RowKey "{inverted ticks}|{id}"): one filtered query per round (run at once) lists what waits, newest first. A decision is merged into
/// the log entry under its ETag (so two managers cannot both decide) and into the message's de-duplication entry.
/// </summary>
public sealed class TableWaitingReplies(TableSetup tables, StorageNames names) : IWaitingReplies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Columns = ["RowKey", "Id", "ReceivedAt", "From", "Subject", "LeadId", "State", "Reason", "UnassignedText", "ArchiveBlob", "Handled", "NeedsRealUpdate"];

    public async Task<IReadOnlyList<WaitingReply>> ListAsync(string planId, IReadOnlyList<string> roundIds, CancellationToken ct = default)
    {
        var log = await tables.GetAsync(names.InboundLog, ct);
        var rounds = await Task.WhenAll(roundIds.Select(async roundId =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {planId + "|" + roundId} and (State eq {nameof(InboundState.Unassigned)} or State eq {nameof(InboundState.HeldForReview)} or NeedsRealUpdate gt {""})");
            var found = new List<WaitingReply>();
            await foreach (var e in log.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: Columns, cancellationToken: ct))
            {
                var reply = ToReply(planId, roundId, e);
                if (reply.IsWaiting) found.Add(reply);
            }
            return found;
        }));
        return rounds.SelectMany(r => r).OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<WaitingReply?> GetAsync(string planId, string roundId, string key, CancellationToken ct = default)
    {
        var log = await tables.GetAsync(names.InboundLog, ct);
        var found = await log.GetEntityIfExistsAsync<TableEntity>(planId + "|" + roundId, key, cancellationToken: ct);
        return found.HasValue ? ToReply(planId, roundId, found.Value!) : null;
    }

    public async Task RecordAsync(WaitingReply reply, InboundState newState, string? textLeft, ReplyHandling handling, CancellationToken ct = default)
    {
        var log = await tables.GetAsync(names.InboundLog, ct);
        var handled = JsonSerializer.Serialize(reply.Handled.Append(handling).ToList(), Json);
        var reason = handling.Kind switch
        {
            ReplyHandlingKind.Discarded => $"Discarded by {handling.By}: {handling.Note}",
            ReplyHandlingKind.Forwarded => $"Forwarded by {handling.By} to the lead's form",
            _ => $"{handling.Note} ({handling.By})",
        };
        reason = reason.Length > 1000 ? reason[..1000] : reason;
        var change = new TableEntity(reply.PlanId + "|" + reply.RoundId, reply.Key)
        {
            ["State"] = newState.ToString(), ["UnassignedText"] = textLeft, ["Reason"] = reason, ["Handled"] = handled,
        };
        try { await log.UpdateEntityAsync(change, new ETag(reply.ETag), TableUpdateMode.Merge, ct); }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException("Someone else dealt with this reply since you opened it; nothing was changed.");
        }
        if (reply.Id.Length >= 2)
        {
            var claims = await tables.GetAsync(names.Inbound, ct);
            var claim = new TableEntity(reply.Id[..2], reply.Id) { ["State"] = newState.ToString(), ["UnassignedText"] = textLeft, ["Reason"] = reason, ["Handled"] = handled };
            try { await claims.UpdateEntityAsync(claim, ETag.All, TableUpdateMode.Merge, ct); }
            catch (RequestFailedException ex) when (ex.Status == 404) { } // the claim was purged by retention; the log entry is what the pages read
        }
    }

    private static WaitingReply ToReply(string planId, string roundId, TableEntity e) => new(
        planId, roundId, e.RowKey, e.GetString("Id") ?? "", e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue, e.GetString("From"), e.GetString("Subject"),
        e.GetString("LeadId"), Enum.TryParse<InboundState>(e.GetString("State"), out var s) ? s : InboundState.Received, e.GetString("Reason") ?? "",
        e.GetString("UnassignedText"), e.GetString("ArchiveBlob") ?? "", e.ETag.ToString())
    {
        Handled = e.GetString("Handled") is { Length: > 0 } json ? JsonSerializer.Deserialize<List<ReplyHandling>>(json, Json) ?? [] : [],
        NeedsRealUpdate = (e.GetString("NeedsRealUpdate") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.TryParse(n, out var v) ? v : 0).Where(n => n > 0).ToList(),
    };
}
