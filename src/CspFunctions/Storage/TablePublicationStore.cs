using Azure;
using Azure.Data.Tables;
using CspFunctions.Reporting;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>One row per published round: PartitionKey = plan id, RowKey = round id.</summary>
public sealed class TablePublicationStore(TableSetup tables, StorageNames names) : IPublicationStore
{
    public async Task<Publication?> GetAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Publications, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(planId, roundId, cancellationToken: ct);
        if (!found.HasValue || found.Value is not { } e) return null;
        return new Publication(planId, roundId, e.GetDateTimeOffset("PublishedAt") ?? DateTimeOffset.MinValue, e.GetString("PublishedBy") ?? "",
            e.GetString("CardJson") ?? "{}", Enum.Parse<NoticeState>(e.GetString("BoardNotice")), e.GetString("BoardError"),
            Enum.Parse<NoticeState>(e.GetString("MemberNotice")), e.GetString("MemberError"), e.GetInt32("NoticeAttempts") ?? 0);
    }

    public async Task SaveAsync(Publication p, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Publications, ct);
        await table.UpsertEntityAsync(new TableEntity(p.PlanId, p.RoundId)
        {
            ["PublishedAt"] = p.PublishedAt,
            ["PublishedBy"] = p.PublishedBy,
            ["CardJson"] = TextLimit.Check(p.CardJson, "the board card"),
            ["BoardNotice"] = p.BoardNotice.ToString(),
            ["BoardError"] = Shorten(p.BoardError),
            ["MemberNotice"] = p.MemberNotice.ToString(),
            ["MemberError"] = Shorten(p.MemberError),
            ["NoticeAttempts"] = p.NoticeAttempts,
        }, TableUpdateMode.Replace, ct);
    }

    private static string? Shorten(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
