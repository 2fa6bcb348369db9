using Azure.Data.Tables;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>Contacts whose mail bounces or is dropped, from SendGrid's event webhook. PartitionKey = plan id
/// ("_unknown" when the event carries none), RowKey = lower-case email: one row per contact, the latest event wins.</summary>
public sealed class TableContactHealth(TableSetup tables, StorageNames names) : CspFunctions.Chasing.IContactHealth, CspFunctions.Workbench.IBounceRecords
{
    public const string UnknownPlan = "_unknown";

    public async Task RecordAsync(IReadOnlyList<ContactProblem> problems, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ContactHealth, ct);
        foreach (var group in problems.GroupBy(p => p.PlanId))
        {
            var actions = group.GroupBy(p => p.Email.ToLowerInvariant()).Select(g => g.MaxBy(p => p.At)!)
                .Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(p.PlanId, p.Email.ToLowerInvariant())
                {
                    ["Kind"] = p.Kind, ["Reason"] = p.Reason is { Length: > 500 } r ? r[..500] : p.Reason, ["At"] = p.At, ["LeadId"] = p.LeadId,
                })).ToList();
            await TableSetup.SubmitInBatchesAsync(table, actions, ct);
        }
    }

    /// <summary>Problems with any of these addresses, in any plan. The table holds only problem addresses, so it is small:
    /// one read of it (a page per 1,000 rows) costs less than filtering by address, which the service allows only 15
    /// comparisons at a time and which scans the whole table for each such query anyway.</summary>
    public async Task<IReadOnlyList<CspFunctions.Chasing.ContactIssue>> GetIssuesAsync(IEnumerable<string> emails, CancellationToken ct = default)
    {
        var wanted = emails.Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var result = new List<CspFunctions.Chasing.ContactIssue>();
        if (wanted.Count == 0) return result;
        var table = await tables.GetAsync(names.ContactHealth, ct);
        await foreach (var e in table.QueryAsync<TableEntity>(maxPerPage: 1000, select: ["RowKey", "Kind", "At"], cancellationToken: ct))
            if (wanted.Contains(e.RowKey))
                result.Add(new CspFunctions.Chasing.ContactIssue(e.RowKey, e.GetString("Kind"), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
        return result;
    }

    public async Task ClearAsync(string planId, string email, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ContactHealth, ct);
        foreach (var partition in new[] { planId, UnknownPlan })
            await table.DeleteEntityAsync(partition, email.ToLowerInvariant(), Azure.ETag.All, ct); // a missing row is not an error (404 is ignored)
    }

    public async Task<IReadOnlyList<ContactProblem>> GetAsync(string planId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ContactHealth, ct);
        var result = new List<ContactProblem>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == planId, cancellationToken: ct))
            result.Add(new ContactProblem(planId, e.RowKey, e.GetString("Kind"), e.GetString("Reason"), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, e.GetString("LeadId")));
        return result;
    }
}
