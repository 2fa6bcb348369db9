using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CspFunctions.Responses;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>
/// Two tables: "inbound" holds one entity per message id (PartitionKey = first two hex digits of the id, RowKey = id),
/// the de-duplication claim; "inboundlog" lists every delivery by PartitionKey "{plan}|{round}" (or "unmatched"),
/// RowKey "{inverted ticks}|{id}", newest first. The claim entity is a lease: State Processing with LeaseUntil, and the
/// side effects done so far in Steps (JSON); every write to it is conditional on its ETag.
/// </summary>
public sealed class TableInboundLog(TableSetup tables, StorageNames names) : IInboundLog
{
    public const string Unmatched = "unmatched";

    public async Task<InboundClaim> ClaimAsync(InboundMessage received, DateTimeOffset leaseUntil, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Inbound, ct);
        var entry = received with { State = InboundState.Processing };
        var entity = ToEntity(entry, received.Id[..2], received.Id);
        entity["LeaseUntil"] = leaseUntil;
        entity["Steps"] = "{}";
        try
        {
            var added = await table.AddEntityAsync(entity, ct);
            return new(ClaimOutcome.Claimed, entry, added.Headers.ETag?.ToString() ?? "", new Dictionary<string, string>());
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        var existing = (await table.GetEntityAsync<TableEntity>(received.Id[..2], received.Id, cancellationToken: ct)).Value;
        var message = FromEntity(existing);
        var steps = StepsOf(existing);
        if (message.State is not (InboundState.Processing or InboundState.Received)) return new(ClaimOutcome.Finished, message, existing.ETag.ToString(), steps);
        if (message.State == InboundState.Processing && existing.GetDateTimeOffset("LeaseUntil") is { } until && until > received.ReceivedAt)
            return new(ClaimOutcome.Busy, message, existing.ETag.ToString(), steps);

        // The earlier delivery stopped (its lease ran out): take the claim over, keeping the steps it finished.
        existing["State"] = InboundState.Processing.ToString();
        existing["LeaseUntil"] = leaseUntil;
        existing["Reason"] = "Archived; processing (taken over from a delivery that stopped).";
        try
        {
            var updated = await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, ct);
            return new(ClaimOutcome.Claimed, FromEntity(existing), updated.Headers.ETag?.ToString() ?? "", steps);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return new(ClaimOutcome.Busy, message, existing.ETag.ToString(), steps);
        }
    }

    public async Task<InboundClaim> RecordStepAsync(InboundClaim claim, string step, string value, DateTimeOffset leaseUntil, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Inbound, ct);
        var steps = new Dictionary<string, string>(claim.Steps) { [step] = value };
        var patch = new TableEntity(claim.Entry.Id[..2], claim.Entry.Id) { ["Steps"] = JsonSerializer.Serialize(steps), ["LeaseUntil"] = leaseUntil };
        try
        {
            var updated = await table.UpdateEntityAsync(patch, new ETag(claim.Version), TableUpdateMode.Merge, ct);
            return claim with { Version = updated.Headers.ETag?.ToString() ?? "", Steps = steps };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new InboundClaimLostException(claim.Entry.Id);
        }
    }

    public async Task ReleaseAsync(InboundClaim claim, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Inbound, ct);
        var patch = new TableEntity(claim.Entry.Id[..2], claim.Entry.Id) { ["LeaseUntil"] = DateTimeOffset.UnixEpoch, ["Reason"] = "Archived; the delivery failed and SendGrid will retry it." };
        try { await table.UpdateEntityAsync(patch, new ETag(claim.Version), TableUpdateMode.Merge, ct); }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404) { }
    }

    public async Task CompleteAsync(InboundClaim claim, InboundMessage message, CancellationToken ct = default)
    {
        var claims = await tables.GetAsync(names.Inbound, ct);
        var entity = ToEntity(message, message.Id[..2], message.Id);
        entity["Steps"] = JsonSerializer.Serialize(claim.Steps);
        try
        {
            await claims.UpdateEntityAsync(entity, new ETag(claim.Version), TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new InboundClaimLostException(message.Id);
        }
        await AppendAsync(message, ct);
    }

    private static Dictionary<string, string> StepsOf(TableEntity e)
    {
        try { return JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Steps") ?? "{}") ?? []; }
        catch (JsonException) { return []; }
    }

    public Task RecordDuplicateAsync(InboundMessage duplicate, CancellationToken ct = default) => AppendAsync(duplicate, ct);

    public Task<IReadOnlyList<InboundMessage>> ListAsync(string planId, string roundId, CancellationToken ct = default) => ListPartitionAsync(Partition(planId, roundId), ct);

    public Task<IReadOnlyList<InboundMessage>> ListUnmatchedAsync(CancellationToken ct = default) => ListPartitionAsync(Unmatched, ct);

    private async Task AppendAsync(InboundMessage message, CancellationToken ct)
    {
        var log = await tables.GetAsync(names.InboundLog, ct);
        var partition = message.PlanId is null || message.RoundId is null ? Unmatched : Partition(message.PlanId, message.RoundId);
        await log.UpsertEntityAsync(ToEntity(message, partition, $"{DateTimeOffset.MaxValue.UtcTicks - message.ReceivedAt.UtcTicks:D19}|{message.Id}"), TableUpdateMode.Replace, ct);
    }

    private async Task<IReadOnlyList<InboundMessage>> ListPartitionAsync(string partition, CancellationToken ct)
    {
        var log = await tables.GetAsync(names.InboundLog, ct);
        var result = new List<InboundMessage>();
        await foreach (var e in log.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct)) result.Add(FromEntity(e));
        return result;
    }

    public async Task<int> ForgetUnassignedTextAsync(DateTimeOffset receivedBefore, CancellationToken ct = default)
    {
        var changed = 0;
        foreach (var name in new[] { names.Inbound, names.InboundLog })
        {
            var table = await tables.GetAsync(name, ct);
            var filter = TableClient.CreateQueryFilter($"ReceivedAt lt {receivedBefore.UtcDateTime} and UnassignedText ne {""}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                e.Remove("UnassignedText");
                // Replace with the ETag: a property cannot be removed by a merge, and an entry changed meanwhile waits for the next run.
                try { await table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, ct); changed++; }
                catch (RequestFailedException ex) when (ex.Status is 412 or 404) { }
            }
        }
        return changed;
    }

    private static string Partition(string planId, string roundId) => planId + "|" + roundId;

    private static TableEntity ToEntity(InboundMessage m, string partition, string row) => new(partition, row)
    {
        ["Id"] = m.Id, ["MessageId"] = m.MessageId, ["ReceivedAt"] = m.ReceivedAt, ["ArchiveBlob"] = m.ArchiveBlob, ["From"] = m.From, ["Subject"] = m.Subject,
        ["PlanId"] = m.PlanId, ["RoundId"] = m.RoundId, ["LeadId"] = m.LeadId, ["State"] = m.State.ToString(), ["Reason"] = m.Reason,
        ["ActionsUpdated"] = string.Join(",", m.ActionsUpdated), ["UnassignedText"] = m.UnassignedText, ["Evidence"] = string.Join("\n", m.Evidence),
        ["NeedsRealUpdate"] = string.Join(",", m.NeedsRealUpdate),
    };

    private static InboundMessage FromEntity(TableEntity e) => new(
        e.GetString("Id"), e.GetString("MessageId"), e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue, e.GetString("ArchiveBlob") ?? "",
        e.GetString("From"), e.GetString("Subject"), e.GetString("PlanId"), e.GetString("RoundId"), e.GetString("LeadId"),
        Enum.TryParse<InboundState>(e.GetString("State"), out var s) ? s : InboundState.Received, e.GetString("Reason") ?? "")
    {
        ActionsUpdated = (e.GetString("ActionsUpdated") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
        UnassignedText = e.GetString("UnassignedText"),
        Evidence = (e.GetString("Evidence") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
        NeedsRealUpdate = (e.GetString("NeedsRealUpdate") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
    };
}
