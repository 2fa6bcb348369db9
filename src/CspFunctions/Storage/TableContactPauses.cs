using Azure.Data.Tables;
using CspFunctions.Responses;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>PartitionKey = plan id, RowKey = the contact's email (lower case, escaped for the key rules).</summary>
public sealed class TableContactPauses(TableSetup tables, StorageNames names, TimeProvider clock) : IContactPauses
{
    public async Task PauseAsync(string planId, string email, DateTimeOffset until, string reason, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ContactPauses, ct);
        await table.UpsertEntityAsync(new TableEntity(planId, Uri.EscapeDataString(email.Trim().ToLowerInvariant()))
        {
            ["Email"] = email.Trim(), ["Until"] = until, ["Reason"] = reason, ["RecordedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<ContactPause>> GetPausesAsync(string planId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ContactPauses, ct);
        var result = new List<ContactPause>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == planId, cancellationToken: ct))
            result.Add(new ContactPause(planId, e.GetString("Email"), e.GetDateTimeOffset("Until") ?? DateTimeOffset.MinValue, e.GetString("Reason") ?? "", e.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue));
        return result;
    }
}
