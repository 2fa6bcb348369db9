using Azure.Data.Tables;
using CspFunctions.Setup;
using CspFunctions.Workbench;

namespace CspFunctions.Storage;

/// <summary>PartitionKey = plan id, RowKey = "{inverted ticks}|{inverted sequence}|{random}": a plan's history is one partition
/// query, newest first (the process-wide sequence orders changes stamped with the same instant).</summary>
public sealed class TablePlanAudit(TableSetup tables, StorageNames names) : IPlanAudit
{
    private static long _sequence = Environment.TickCount64 * 1000;

    public async Task RecordAsync(PlanChange change, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.PlanAudit, ct);
        await table.AddEntityAsync(new TableEntity(change.PlanId, $"{DateTimeOffset.MaxValue.UtcTicks - change.At.UtcTicks:D19}|{long.MaxValue - Interlocked.Increment(ref _sequence):D19}|{Guid.NewGuid():N}")
        {
            ["At"] = change.At, ["By"] = Clip(change.By), ["What"] = Clip(change.What), ["Before"] = Clip(change.Before), ["After"] = Clip(change.After),
        }, ct);
    }

    public async Task<IReadOnlyList<PlanChange>> ListAsync(string planId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.PlanAudit, ct);
        var result = new List<PlanChange>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == planId, cancellationToken: ct))
            result.Add(new PlanChange(planId, e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, e.GetString("By") ?? "", e.GetString("What") ?? "", e.GetString("Before"), e.GetString("After")));
        return result;
    }

    // A property holds 32K characters; an action's text is at most 32,000, so its JSON can only just overflow.
    private static string? Clip(string? text) => text is { Length: > 32_000 } ? text[..31_990] + " [cut]" : text;
}
