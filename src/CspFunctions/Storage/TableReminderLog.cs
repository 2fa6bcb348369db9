using Azure;
using Azure.Data.Tables;
using CspFunctions.Chasing;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>
/// PartitionKey "{plan}|{round}", RowKey "{lead}|{stage}|{channel}" (the lead's summary) or "{lead}|{stage}|{channel}|{contact}"
/// (one contact's send, <see cref="ReminderLogKey.ForContact"/>); warnings in "{plan}|{round}|warnings".
/// Claim = insert-if-absent. An existing claim may be taken over (with its ETag) when it failed, when it is the same
/// queue message coming back after a crash, or when it has been stuck for <see cref="StaleClaimAfter"/>.
/// </summary>
public sealed class TableReminderLog(TableSetup tables, StorageNames names, TimeProvider clock) : IReminderLog
{
    /// <summary>Longer than the function timeout (5 minutes), so a live send is never taken over.</summary>
    public static readonly TimeSpan StaleClaimAfter = TimeSpan.FromMinutes(15);

    private static string Partition(string planId, string roundId) => planId + "|" + roundId;
    private static string WarningPartition(string planId, string roundId) => planId + "|" + roundId + "|warnings";

    public async Task<IReadOnlySet<string>> SettledKeysAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ReminderLog, ct);
        var partition = Partition(planId, roundId);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", "State"], cancellationToken: ct))
            if (e.GetString("State") != nameof(ReminderState.Failed)) keys.Add(e.RowKey);
        return keys;
    }

    public async Task<ClaimOutcome> ClaimAsync(string planId, string roundId, string key, string claimantId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ReminderLog, ct);
        var now = clock.GetUtcNow();
        var claim = new TableEntity(Partition(planId, roundId), key)
        {
            ["State"] = nameof(ReminderState.Claimed), ["ClaimantId"] = claimantId, ["ClaimedAt"] = now, ["At"] = now,
        };
        try
        {
            await table.AddEntityAsync(claim, ct);
            return ClaimOutcome.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status == 409) { }

        var existing = (await table.GetEntityAsync<TableEntity>(claim.PartitionKey, key, cancellationToken: ct)).Value;
        var state = Enum.Parse<ReminderState>(existing.GetString("State"));
        var takeOver = state switch
        {
            ReminderState.Failed => true,
            ReminderState.Claimed => existing.GetString("ClaimantId") == claimantId || existing.GetDateTimeOffset("ClaimedAt") < now - StaleClaimAfter,
            _ => false,
        };
        if (!takeOver) return state switch { ReminderState.Claimed => ClaimOutcome.HeldByAnother, ReminderState.Refused => ClaimOutcome.Refused, _ => ClaimOutcome.Done };
        try
        {
            await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, ct);
            return ClaimOutcome.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return ClaimOutcome.HeldByAnother;
        }
    }

    public async Task MarkAsync(string planId, string roundId, string key, ReminderState state, string? detail, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ReminderLog, ct);
        var entity = new TableEntity(Partition(planId, roundId), key) { ["State"] = state.ToString(), ["At"] = clock.GetUtcNow(), ["Detail"] = Truncate(detail) };
        if (state == ReminderState.Skipped)
        {
            // Never overwrite a sent or claimed entry with "skipped".
            try { await table.AddEntityAsync(entity, ct); }
            catch (RequestFailedException ex) when (ex.Status == 409) { }
            return;
        }
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct);
    }

    public async Task RecordWarningsAsync(string planId, string roundId, IReadOnlyList<ChaseWarning> warnings, CancellationToken ct = default)
    {
        if (warnings.Count == 0) return;
        var table = await tables.GetAsync(names.ReminderLog, ct);
        var now = clock.GetUtcNow();
        var actions = warnings.Distinct().Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(WarningPartition(planId, roundId), Hash(w.ToString())) { ["LeadId"] = w.LeadId, ["Message"] = w.Message, ["ActionNumber"] = w.ActionNumber, ["At"] = now })).ToList();
        await TableSetup.SubmitInBatchesAsync(table, actions, ct);
    }

    public async Task<IReadOnlyList<ReminderRecord>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ReminderLog, ct);
        var partition = Partition(planId, roundId);
        var result = new List<ReminderRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
        {
            var parts = e.RowKey.Split('|');
            if (parts.Length is not (3 or 4)) continue;
            result.Add(new ReminderRecord(parts[0], parts[1], parts[2], Enum.Parse<ReminderState>(e.GetString("State")), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, e.GetString("Detail"),
                parts.Length == 4 ? ReminderLogKey.ContactOf(parts[3]) : null));
        }
        return result;
    }

    public async Task<IReadOnlyList<ChaseWarning>> GetWarningsAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.ReminderLog, ct);
        var partition = WarningPartition(planId, roundId);
        var result = new List<ChaseWarning>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
            result.Add(new ChaseWarning(e.GetString("LeadId"), e.GetString("Message"), e.GetInt32("ActionNumber")));
        return result;
    }

    private static string Hash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..24];

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
