using Azure;
using Azure.Data.Tables;
using CspFunctions.Reporting;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>One row per published round: PartitionKey = plan id, RowKey = round id. The row is inserted (insert-only) as
/// the publication's claim before anything else is written, and every later change to it is a merge of the fields it changes.</summary>
public sealed class TablePublicationStore(TableSetup tables, StorageNames names) : IPublicationStore
{
    public async Task<Publication?> GetAsync(string planId, string roundId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Publications, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(planId, roundId, cancellationToken: ct);
        return found.HasValue && found.Value is { } e ? FromEntity(e) : null;
    }

    public async Task SaveAsync(Publication p, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Publications, ct);
        await table.UpsertEntityAsync(ToEntity(p), TableUpdateMode.Replace, ct);
    }

    public async Task<PublicationClaim> ClaimAsync(Publication publication, DateTimeOffset takeOverIfPublishedBefore, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Publications, ct);
        try
        {
            await table.AddEntityAsync(ToEntity(publication), ct);
            return PublicationClaim.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status == 409) { }
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(publication.PlanId, publication.RoundId, cancellationToken: ct);
        if (!existing.HasValue || existing.Value is not { } e || (e.GetDateTimeOffset("PublishedAt") ?? DateTimeOffset.MaxValue) >= takeOverIfPublishedBefore)
            return PublicationClaim.Held;
        try
        {
            await table.UpdateEntityAsync(ToEntity(publication), e.ETag, TableUpdateMode.Replace, ct);
            return PublicationClaim.TakenOver;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return PublicationClaim.Held;
        }
    }

    public async Task ReleaseAsync(Publication publication, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Publications, ct);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(publication.PlanId, publication.RoundId, cancellationToken: ct);
        // Only our own claim (same publication time and publisher), and only if nobody changed it since.
        if (!existing.HasValue || existing.Value is not { } e || !(e.GetDateTimeOffset("PublishedAt") is { } at && (at - publication.PublishedAt).Duration() < TimeSpan.FromMilliseconds(1)) || e.GetString("PublishedBy") != publication.PublishedBy) return;
        try { await table.DeleteEntityAsync(e.PartitionKey, e.RowKey, e.ETag, ct); }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404) { }
    }

    public async Task SaveNoticeAsync(string planId, string roundId, NoticeChannel channel, NoticeState state, string? error, int attempts, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(names.Publications, ct);
        var prefix = channel == NoticeChannel.Board ? "Board" : "Member";
        // An empty error clears an old one (a merge leaves out null properties).
        await table.UpdateEntityAsync(new TableEntity(planId, roundId)
        {
            [prefix + "Notice"] = state.ToString(), [prefix + "Error"] = Shorten(error) ?? "", ["NoticeAttempts"] = attempts,
        }, ETag.All, TableUpdateMode.Merge, ct);
    }

    private static TableEntity ToEntity(Publication p) => new(p.PlanId, p.RoundId)
    {
        ["PublishedAt"] = p.PublishedAt,
        ["PublishedBy"] = p.PublishedBy,
        ["CardJson"] = TextLimit.Check(p.CardJson, "the board card"),
        ["BoardNotice"] = p.BoardNotice.ToString(),
        ["BoardError"] = Shorten(p.BoardError),
        ["MemberNotice"] = p.MemberNotice.ToString(),
        ["MemberError"] = Shorten(p.MemberError),
        ["NoticeAttempts"] = p.NoticeAttempts,
    };

    private static Publication FromEntity(TableEntity e) => new(e.PartitionKey, e.RowKey, e.GetDateTimeOffset("PublishedAt") ?? DateTimeOffset.MinValue, e.GetString("PublishedBy") ?? "",
        e.GetString("CardJson") ?? "{}", Enum.Parse<NoticeState>(e.GetString("BoardNotice")), NullIfEmpty(e.GetString("BoardError")),
        Enum.Parse<NoticeState>(e.GetString("MemberNotice")), NullIfEmpty(e.GetString("MemberError")), e.GetInt32("NoticeAttempts") ?? 0);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Shorten(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
