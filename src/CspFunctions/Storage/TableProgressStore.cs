using Azure;
using Azure.Data.Tables;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>
/// PartitionKey = "{plan}|{round}", RowKey = "{action:D5}|{version:D5}": one round of one plan is one partition
/// query. Versions are insert-only, so two writers racing for the same next version cannot both win (409).
/// </summary>
public sealed class TableProgressStore(TableSetup tables, StorageNames names) : IProgressStore
{
    public static string Partition(string planId, string roundId) => planId + "|" + roundId;
    public static string Row(int actionNumber, int version) => $"{actionNumber:D5}|{version:D5}";

    public async Task<IReadOnlyList<ProgressUpdate>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Updates, ct);
        var partition = Partition(planId, roundId);
        var result = new List<ProgressUpdate>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
            result.Add(ToUpdate(planId, roundId, e));
        return result;
    }

    public async Task<ProgressUpdate> AddAsync(ProgressUpdate update, int expectedLatestVersion, CancellationToken ct = default)
    {
        if (update.Version != expectedLatestVersion + 1)
            throw new ArgumentException($"Version {update.Version} does not follow the expected latest version {expectedLatestVersion}.", nameof(update));
        var table = await tables.GetAsync(names.Updates, ct);
        var entity = ToEntity(update);
        try
        {
            await table.AddEntityAsync(entity, ct);
            return update;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var latest = (await GetRoundAsync(update.PlanId, update.RoundId, ct)).Where(u => u.ActionNumber == update.ActionNumber).MaxBy(u => u.Version)!;
            throw new UpdateConflictException(latest);
        }
    }

    public async Task<IReadOnlyList<ProgressUpdate>> AddAllAsync(IReadOnlyList<ProgressUpdate> updates, CancellationToken ct = default)
    {
        if (updates.Count == 0) return [];
        if (updates.Select(u => (u.PlanId, u.RoundId)).Distinct().Count() != 1 || updates.Count > 100 || updates.Select(u => u.ActionNumber).Distinct().Count() != updates.Count)
            throw new ArgumentException("One transaction holds at most 100 updates of one round, one per action.", nameof(updates));
        var entities = updates.Select(ToEntity).ToList();
        var table = await tables.GetAsync(names.Updates, ct);
        try
        {
            // Insert-only: if any action got a version meanwhile, the whole transaction fails and nothing is written.
            await table.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct);
            return updates;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var latest = (await GetRoundAsync(updates[0].PlanId, updates[0].RoundId, ct)).Latest();
            var conflict = updates.FirstOrDefault(u => latest.TryGetValue(u.ActionNumber, out var l) && l.Version >= u.Version) ?? updates[ex.FailedTransactionActionIndex ?? 0];
            throw new UpdateConflictException(latest[conflict.ActionNumber]);
        }
    }

    private static TableEntity ToEntity(ProgressUpdate update)
    {
        if (update.Version < 1) throw new ArgumentException($"Version {update.Version} is not a version.", nameof(update));
        return new TableEntity(Partition(update.PlanId, update.RoundId), Row(update.ActionNumber, update.Version))
        {
            ["Status"] = update.Status.ToString(),
            ["Rag"] = update.Rag.ToString(),
            ["Text"] = TextLimit.Check(update.Text, $"the update for action {update.ActionNumber}"),
            ["GivenBy"] = update.GivenBy,
            ["GivenByEmail"] = update.GivenByEmail,
            ["GivenAt"] = update.GivenAt,
            ["Channel"] = update.Channel.ToString(),
            ["RecordedBy"] = update.RecordedBy,
            ["GivenOn"] = update.GivenOn?.ToString("yyyy-MM-dd"),
            ["GivenHow"] = update.GivenHow,
        };
    }

    private static ProgressUpdate ToUpdate(string planId, string roundId, TableEntity e)
    {
        var parts = e.RowKey.Split('|');
        return new ProgressUpdate(planId, roundId, int.Parse(parts[0]), int.Parse(parts[1]),
            Enum.Parse<ProgressStatus>(e.GetString("Status")), Enum.Parse<Rag>(e.GetString("Rag")), e.GetString("Text") ?? "",
            e.GetString("GivenBy") ?? "", e.GetString("GivenByEmail"), e.GetDateTimeOffset("GivenAt") ?? DateTimeOffset.MinValue,
            Enum.Parse<UpdateChannel>(e.GetString("Channel")))
        {
            RecordedBy = e.GetString("RecordedBy"),
            GivenOn = e.GetString("GivenOn") is { Length: > 0 } on ? DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture) : null,
            GivenHow = e.GetString("GivenHow"),
        };
    }
}
