using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CspFunctions.Responses;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>PartitionKey "key" (RowKey = the reply key) or "msgid" (RowKey = SHA-256 of the Message-ID, which may hold
/// characters a RowKey cannot).</summary>
public sealed class TableReplyAddressBook(TableSetup tables, StorageNames names) : IReplyAddressBook
{
    public Task RegisterAsync(string replyKey, string planId, string roundId, string leadId, CancellationToken ct = default) =>
        UpsertAsync("key", replyKey.ToLowerInvariant(), planId, roundId, leadId, ct);

    public Task<ReplyTarget?> FindAsync(string replyKey, CancellationToken ct = default) => FindAsync("key", replyKey.ToLowerInvariant(), ct);

    public Task RegisterMessageIdAsync(string messageId, string planId, string roundId, string leadId, CancellationToken ct = default) =>
        UpsertAsync("msgid", IdKey(messageId), planId, roundId, leadId, ct);

    public Task<ReplyTarget?> FindByMessageIdAsync(string messageId, CancellationToken ct = default) => FindAsync("msgid", IdKey(messageId), ct);

    private static string IdKey(string messageId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(InboundMailProcessor.NormaliseId(messageId) ?? ""))).ToLowerInvariant();

    private async Task UpsertAsync(string partition, string row, string planId, string roundId, string leadId, CancellationToken ct)
    {
        var table = await tables.GetAsync(names.ReplyAddresses, ct);
        await table.UpsertEntityAsync(new TableEntity(partition, row) { ["PlanId"] = planId, ["RoundId"] = roundId, ["LeadId"] = leadId }, TableUpdateMode.Replace, ct);
    }

    private async Task<ReplyTarget?> FindAsync(string partition, string row, CancellationToken ct)
    {
        if (row.Length == 0 || row.Any(c => !char.IsAsciiLetterOrDigit(c))) return null;
        var table = await tables.GetAsync(names.ReplyAddresses, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
        return found.HasValue && found.Value is { } e ? new ReplyTarget(e.GetString("PlanId"), e.GetString("RoundId"), e.GetString("LeadId")) : null;
    }
}
