using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>When a fresh link was last sent to a contact, so "send me a fresh link" cannot be used to flood them.</summary>
public sealed class TableLinkRenewals(TableSetup tables, StorageNames names)
{
    /// <summary>True (and records now) if no fresh link went to this contact within <paramref name="interval"/>.</summary>
    public async Task<(bool Allowed, DateTimeOffset LastSent)> TryStartAsync(string planId, string roundId, string leadId, string email, DateTimeOffset now, TimeSpan interval, CancellationToken ct)
    {
        var table = await tables.GetAsync(names.LinkRenewals, ct);
        var partition = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(planId + "|" + roundId)));
        var row = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(leadId + "|" + email.ToLowerInvariant())));
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
        var entity = new TableEntity(partition, row) { ["LastSent"] = now };
        try
        {
            if (!existing.HasValue || existing.Value is null) { await table.AddEntityAsync(entity, ct); return (true, now); }
            var last = existing.Value.GetDateTimeOffset("LastSent") ?? DateTimeOffset.MinValue;
            if (now - last < interval) return (false, last);
            await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, ct);
            return (true, now);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return (false, now);
        }
    }
}
