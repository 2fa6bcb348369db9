using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>
/// One partition per plan (PartitionKey = plan id) holds the plan row, its leads, actions and rounds, so a whole
/// plan is one partition query and an import is a few 100-entity transactions. See docs/storage.md.
/// </summary>
public sealed class TablePlanStore(TableSetup tables, StorageNames names) : IPlanStore
{
    private const string PlanRow = "plan";
    private const string IndexPartition = "plans";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string LeadRow(string leadId) => "lead|" + leadId;
    public static string ActionRow(int number) => $"action|{number:D5}";
    public static string RoundRow(string roundId) => "round|" + roundId;
    public static string RetiredRow(int number) => $"retired|{number:D5}";

    public async Task<IReadOnlyList<string>> ListPlanIdsAsync(CancellationToken ct = default)
    {
        var index = await tables.GetAsync(names.PlanIndex, ct);
        var ids = new List<string>();
        await foreach (var e in index.QueryAsync<TableEntity>(e => e.PartitionKey == IndexPartition, select: ["RowKey"], cancellationToken: ct))
            ids.Add(e.RowKey);
        return ids;
    }

    public async Task<StoredPlan?> GetAsync(string planId, CancellationToken ct = default)
    {
        if (!PlanValidator.IsValidId(planId)) return null;
        var table = await tables.GetAsync(names.Plans, ct);
        TableEntity? planRow = null;
        var leads = new List<(int Order, Lead Lead)>();
        var actions = new List<(int Order, PlanAction Action)>();
        var retired = new List<PlanAction>();
        var rounds = new List<ReportingRound>();
        var roundETags = new Dictionary<string, string>();
        var rows = new Dictionary<string, StoredRow>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == planId, cancellationToken: ct))
        {
            rows[e.RowKey] = new StoredRow(e.ETag.ToString(), e.GetInt32("Order") ?? 0);
            var kind = e.RowKey.Split('|', 2)[0];
            switch (kind)
            {
                case PlanRow: planRow = e; break;
                case "lead":
                    leads.Add((e.GetInt32("Order") ?? 0, new Lead(e.RowKey[5..], e.GetString("Name"),
                        Deserialize<List<Contact>>(e, "Contacts"), e.GetString("DeputyLeadId"))));
                    break;
                case "action":
                    actions.Add((e.GetInt32("Order") ?? 0, ToAction(e)));
                    break;
                case "retired":
                    retired.Add(ToAction(e));
                    break;
                case "round":
                    rounds.Add(new ReportingRound(planId, e.RowKey[6..], DateOnly.Parse(e.GetString("PeriodStart")), DateOnly.Parse(e.GetString("PeriodEnd")),
                        DateOnly.Parse(e.GetString("DueDate")), Enum.Parse<RoundState>(e.GetString("State")))
                    {
                        LeadDueDates = Deserialize<Dictionary<string, DateOnly>>(e, "LeadDueDates"),
                        OpenedOn = e.GetString("OpenedOn") is { Length: > 0 } opened ? DateOnly.Parse(opened) : null,
                    });
                    roundETags[e.RowKey[6..]] = e.ETag.ToString();
                    break;
            }
        }
        if (planRow is null) return null;
        var plan = new Plan(planId, planRow.GetString("Name"), planRow.GetInt32("FinancialYearStart") ?? 0, planRow.GetString("TimeZone"),
            planRow.GetString("Introduction"), Deserialize<List<Contact>>(planRow, "Managers"), Deserialize<List<Priority>>(planRow, "Priorities"),
            leads.OrderBy(l => l.Order).Select(l => l.Lead).ToList(), actions.OrderBy(a => a.Order).Select(a => a.Action).ToList())
            { BoardMembers = Deserialize<List<Contact>>(planRow, "BoardMembers"), RetiredActions = retired.OrderBy(a => a.Number).ToList() };
        return new StoredPlan(plan, rounds.OrderBy(r => r.Id, StringComparer.Ordinal).ToList(), planRow.ETag.ToString(), planRow.GetInt32("Revision") ?? 1, roundETags) { Rows = rows };
    }

    public async Task<PlanSaveResult> SaveAsync(Plan plan, StoredPlan? existing, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Plans, ct);
        // The rows to delete come from what the caller read; the plan row's ETag guarantees nothing changed since.
        var existingRows = existing is null
            ? new HashSet<string>()
            : existing.Plan.Leads.Select(l => LeadRow(l.Id)).Concat(existing.Plan.Actions.Select(a => ActionRow(a.Number)))
                .Concat(existing.Plan.RetiredActions.Select(a => RetiredRow(a.Number))).ToHashSet();
        int? existingRevision = existing?.Revision;

        var revision = (existingRevision ?? 0) + 1;
        var planEntity = PlanEntity(plan, revision);
        // The plan row is the guard: claiming it (insert-if-absent, or replace-if-ETag-matches) comes first, so of two
        // concurrent imports exactly one proceeds. Leads and actions follow in batches; a crash between the two is
        // repaired by importing again (the import is idempotent).
        await AddOrReplaceAsync(table, planEntity, existing?.ETag, ct,
            created: $"Plan '{plan.Id}' was created by someone else while this import ran; nothing was changed. Import again to update it.",
            changed: $"Plan '{plan.Id}' was changed by someone else while this import ran; nothing was changed. Import again to apply your file.");

        var actions = new List<TableTransactionAction>();
        var keep = new HashSet<string> { PlanRow };
        for (var i = 0; i < plan.Leads.Count; i++)
        {
            var lead = plan.Leads[i];
            var row = LeadRow(lead.Id);
            keep.Add(row);
            actions.Add(new(TableTransactionActionType.UpsertReplace, LeadEntity(plan.Id, lead, i)));
        }
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            var row = ActionRow(plan.Actions[i].Number);
            keep.Add(row);
            actions.Add(new(TableTransactionActionType.UpsertReplace, ToEntity(plan.Id, row, plan.Actions[i], i)));
        }
        for (var i = 0; i < plan.RetiredActions.Count; i++)
        {
            var row = RetiredRow(plan.RetiredActions[i].Number);
            keep.Add(row);
            actions.Add(new(TableTransactionActionType.UpsertReplace, ToEntity(plan.Id, row, plan.RetiredActions[i], i)));
        }
        var removed = existingRows.Where(r => !keep.Contains(r)).ToList();
        actions.AddRange(removed.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(plan.Id, r), ETag.All)));
        await TableSetup.SubmitInBatchesAsync(table, actions, ct);

        var index = await tables.GetAsync(names.PlanIndex, ct);
        await index.UpsertEntityAsync(new TableEntity(IndexPartition, plan.Id) { ["Name"] = plan.Name }, TableUpdateMode.Replace, ct);

        return new PlanSaveResult(existingRevision is null, revision, plan.Actions.Count, removed.Count(r => r.StartsWith("action|", StringComparison.Ordinal)), plan.Leads.Count);
    }

    public async Task SavePartsAsync(Plan plan, StoredPlan existing, IReadOnlyList<string> rows, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Plans, ct);
        var added = new List<string>();
        // New rows sort after every imported one, in the order they were added; the next import renumbers them.
        const int AddedOrder = 1_000_000;
        foreach (var row in rows)
        {
            existing.Rows.TryGetValue(row, out var stored);
            var kind = row.Split('|', 2)[0];
            TableEntity? entity = kind switch
            {
                PlanRow => PlanEntity(plan, existing.Revision),
                "lead" => plan.FindLead(row[5..]) is { } lead ? LeadEntity(plan.Id, lead, stored?.Order ?? AddedOrder + plan.Leads.Count) : null,
                "action" => plan.Actions.FirstOrDefault(a => ActionRow(a.Number) == row) is { } action ? ToEntity(plan.Id, row, action, stored?.Order ?? AddedOrder + action.Number) : null,
                "retired" => plan.RetiredActions.FirstOrDefault(a => RetiredRow(a.Number) == row) is { } retired ? ToEntity(plan.Id, row, retired, retired.Number) : null,
                _ => throw new ArgumentException($"'{row}' is not a plan row.", nameof(rows)),
            };
            try
            {
                if (entity is null && stored is not null) await table.DeleteEntityAsync(plan.Id, row, new ETag(stored.ETag), ct);
                else if (entity is not null && stored is null) { await table.AddEntityAsync(entity, ct); added.Add(row); }
                else if (entity is not null) await table.UpdateEntityAsync(entity, new ETag(stored!.ETag), TableUpdateMode.Replace, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                foreach (var undo in added) await table.DeleteEntityAsync(plan.Id, undo, ETag.All, CancellationToken.None);
                throw new ConcurrencyConflictException($"Plan '{plan.Id}' was changed by someone else ({row}); nothing was changed.");
            }
        }
    }

    public async Task SaveRoundAsync(ReportingRound round, string? ifMatch, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Plans, ct);
        var entity = new TableEntity(round.PlanId, RoundRow(round.Id))
        {
            ["PeriodStart"] = round.PeriodStart.ToString("yyyy-MM-dd"),
            ["PeriodEnd"] = round.PeriodEnd.ToString("yyyy-MM-dd"),
            ["DueDate"] = round.DueDate.ToString("yyyy-MM-dd"),
            ["State"] = round.State.ToString(),
            ["LeadDueDates"] = round.LeadDueDates.Count == 0 ? null : JsonSerializer.Serialize(round.LeadDueDates, Json),
            ["OpenedOn"] = round.OpenedOn?.ToString("yyyy-MM-dd"),
        };
        await AddOrReplaceAsync(table, entity, ifMatch, ct,
            created: $"Round {round.Id} of plan '{round.PlanId}' already exists.",
            changed: $"Round {round.Id} of plan '{round.PlanId}' was changed by someone else; nothing was changed.");
    }

    /// <summary>Insert-if-absent (no ETag) or replace-if-unchanged (the ETag read); a lost race is a <see cref="ConcurrencyConflictException"/>.</summary>
    private static async Task AddOrReplaceAsync(TableClient table, TableEntity entity, string? ifMatch, CancellationToken ct, string created, string changed)
    {
        try
        {
            if (ifMatch is null) await table.AddEntityAsync(entity, ct);
            else await table.UpdateEntityAsync(entity, new ETag(ifMatch), TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException(ex.Status == 409 ? created : changed);
        }
    }

    private static TableEntity PlanEntity(Plan plan, int revision) => new(plan.Id, PlanRow)
    {
        ["Name"] = plan.Name,
        ["FinancialYearStart"] = plan.FinancialYearStart,
        ["TimeZone"] = plan.TimeZone,
        ["Introduction"] = plan.Introduction,
        ["Managers"] = JsonSerializer.Serialize(plan.Managers, Json),
        ["Priorities"] = JsonSerializer.Serialize(plan.Priorities, Json),
        ["BoardMembers"] = JsonSerializer.Serialize(plan.BoardMembers, Json),
        ["Revision"] = revision,
    };

    private static TableEntity LeadEntity(string planId, Lead lead, int order) => new(planId, LeadRow(lead.Id))
    {
        ["Name"] = lead.Name,
        ["Contacts"] = JsonSerializer.Serialize(lead.Contacts, Json),
        ["DeputyLeadId"] = lead.DeputyLeadId,
        ["Order"] = order,
    };

    private static TableEntity ToEntity(string planId, string row, PlanAction action, int order) => new(planId, row)
    {
        ["PriorityId"] = action.PriorityId,
        ["Text"] = TextLimit.Check(action.Text, $"action {action.Ref}"),
        ["LeadIds"] = JsonSerializer.Serialize(action.LeadIds, Json),
        ["Documents"] = JsonSerializer.Serialize(action.Documents, Json),
        ["Restricted"] = action.Restricted,
        ["CarriedFrom"] = action.CarriedFrom,
        ["Reference"] = action.Reference,
        ["Order"] = order,
    };

    private static PlanAction ToAction(TableEntity e) =>
        new(int.Parse(e.RowKey[(e.RowKey.IndexOf('|') + 1)..]), e.GetString("PriorityId"), e.GetString("Text"),
            Deserialize<List<string>>(e, "LeadIds"), Deserialize<List<LinkedDocument>>(e, "Documents"), e.GetBoolean("Restricted") ?? false)
        { CarriedFrom = e.GetString("CarriedFrom"), Reference = e.GetString("Reference") };

    private static T Deserialize<T>(TableEntity e, string property) where T : new() =>
        e.GetString(property) is { Length: > 0 } json ? JsonSerializer.Deserialize<T>(json, Json) ?? new T() : new T();
}
