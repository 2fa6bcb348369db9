using Azure;
using Azure.Data.Tables;
using CspFunctions.Responses;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>
/// Two tables: "inbound" holds one entity per message id (PartitionKey = first two hex digits of the id, RowKey = id),
/// the de-duplication claim; "inboundlog" lists every delivery by PartitionKey "{plan}|{round}" (or "unmatched"),
/// RowKey "{inverted ticks}|{id}", newest first.
/// </summary>
public sealed class TableInboundLog(TableSetup tables, StorageNames names) : IInboundLog
{
    public const string Unmatched = "unmatched";

    public async Task<InboundMessage?> TryClaimAsync(InboundMessage received, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Inbound, ct);
        try
        {
            await table.AddEntityAsync(ToEntity(received, received.Id[..2], received.Id), ct);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await table.GetEntityAsync<TableEntity>(received.Id[..2], received.Id, cancellationToken: ct)).Value;
            var message = FromEntity(existing);
            return message.State == InboundState.Received ? null : message;
        }
    }

    public async Task CompleteAsync(InboundMessage message, CancellationToken ct = default)
    {
        var claims = await tables.GetAsync(names.Inbound, ct);
        await claims.UpsertEntityAsync(ToEntity(message, message.Id[..2], message.Id), TableUpdateMode.Replace, ct);
        await AppendAsync(message, ct);
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

    private static string Partition(string planId, string roundId) => planId + "|" + roundId;

    private static TableEntity ToEntity(InboundMessage m, string partition, string row) => new(partition, row)
    {
        ["Id"] = m.Id, ["MessageId"] = m.MessageId, ["ReceivedAt"] = m.ReceivedAt, ["ArchiveBlob"] = m.ArchiveBlob, ["From"] = m.From, ["Subject"] = m.Subject,
        ["PlanId"] = m.PlanId, ["RoundId"] = m.RoundId, ["LeadId"] = m.LeadId, ["State"] = m.State.ToString(), ["Reason"] = m.Reason,
        ["ActionsUpdated"] = string.Join(",", m.ActionsUpdated), ["UnassignedText"] = m.UnassignedText, ["Evidence"] = string.Join("\n", m.Evidence),
    };

    private static InboundMessage FromEntity(TableEntity e) => new(
        e.GetString("Id"), e.GetString("MessageId"), e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue, e.GetString("ArchiveBlob") ?? "",
        e.GetString("From"), e.GetString("Subject"), e.GetString("PlanId"), e.GetString("RoundId"), e.GetString("LeadId"),
        Enum.TryParse<InboundState>(e.GetString("State"), out var s) ? s : InboundState.Received, e.GetString("Reason") ?? "")
    {
        ActionsUpdated = (e.GetString("ActionsUpdated") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
        UnassignedText = e.GetString("UnassignedText"),
        Evidence = (e.GetString("Evidence") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
    };
}
