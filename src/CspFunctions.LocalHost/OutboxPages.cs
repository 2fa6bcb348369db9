using System.Text.Json;
using CspFunctions.LocalHost.Outbox;
using CspFunctions.Pages;
using CspFunctions.Templating;
using MimeKit;

namespace CspFunctions.LocalHost;

/// <summary>The local outbox at /outbox: every mail, Teams notification and board card the app and each simulation run
/// wrote, grouped by run, newest first, filterable by recipient, kind and run (a GET form, so it works without script).
/// A mail shows its headers, text and HTML parts; a card is drawn by the Adaptive Cards renderer, its JSON beside it.
/// Pages render from Messaging/Templates/outbox*.html.sbn and Trying/Templates in the app's one layout.</summary>
public static class OutboxPages
{
    public const int RowsPerGroup = 200;

    public sealed record Row(string Kind, string At, string Recipients, string Summary, string Href, string? ReplyHref);

    public sealed record Group(string Id, string Title, IReadOnlyList<Row> Rows, int Hidden);

    public sealed record Option(string Value, string Text, bool Selected);

    public sealed record Index(string Folder, IReadOnlyList<Group> Groups, int Total, int Matching, string Recipient, IReadOnlyList<Option> Kinds, IReadOnlyList<Option> Boxes, bool Filtered);

    public sealed record Header(string Name, string Value);

    public sealed record Message(string Subject, string Box, string Kind, string From, string To, string Cc, string ReplyTo, string Date,
        IReadOnlyList<Header> Headers, string? HtmlHref, string RawHref, string Text, string? ReplyHref);

    public sealed record Card(string Title, string Box, string Kind, string Recipients, string CardJson, string FileJson, string RendererHref, string ScriptHref);

    private static readonly Crumb[] Navigation = [new("Start", "/"), new("Outbox", "/outbox"), new("Manager pages", "/api/manage"), new("Functions", "/admin/functions")];

    public static PageLayout Layout(string title, params Crumb[] crumbs) =>
        new(title) { ServiceHref = "/", Navigation = Navigation, Crumbs = crumbs };

    private static readonly Crumb OutboxCrumb = new("Local outbox", "/outbox");

    public static void Map(WebApplication app, string outboxRoot, string repoRoot)
    {
        var reader = new OutboxReader(outboxRoot, repoRoot);
        app.MapGet("/outbox", LocalEndpoint.Of(context =>
            Results.Extensions.Page(new PageResult("outbox.html.sbn", ReadIndex(reader, outboxRoot, context.Request.Query), Layout("Local outbox")))));

        app.MapGet("/outbox/{box}/mail/{file}", LocalEndpoint.Of(context =>
        {
            var (box, file) = (context.Route("box"), context.Route("file"));
            if (reader.Find(box) is not { } b || OutboxReader.PathOf(b, "mail", file) is not { } path) return NotFound();
            PageSecurity.AllowFramesFromSelf(context);
            var message = MimeMessage.Load(path);
            var entry = reader.Entries(b).FirstOrDefault(e => e.Channel == "mail" && e.File == file);
            var href = $"/outbox/{b.Id}/mail/{Uri.EscapeDataString(file)}";
            var model = new Message(message.Subject ?? "(no subject)", b.Title, entry?.Kind ?? "mail", message.From.ToString(), message.To.ToString(), message.Cc.ToString(),
                message.ReplyTo.ToString(), message.Date == default ? "" : message.Date.ToString("ddd d MMM yyyy HH:mm zzz", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                message.Headers.Select(h => new Header(h.Field, h.Value.Trim())).ToList(),
                message.HtmlBody is null ? null : href + "/html", href + "/raw", message.TextBody ?? "",
                entry?.Lead is null ? null : href + "/reply");
            return Results.Extensions.Page(new PageResult("outbox-message.html.sbn", model, Layout(model.Subject, OutboxCrumb)));
        }));
        // The HTML part alone, for the sandboxed frame: its own inline styles may apply, nothing in it may run.
        app.MapGet("/outbox/{box}/mail/{file}/html", LocalEndpoint.Of(context =>
        {
            var (box, file) = (context.Route("box"), context.Route("file"));
            if (reader.Find(box) is not { } b || OutboxReader.PathOf(b, "mail", file) is not { } path) return Results.NotFound();
            context.Response.Headers.ContentSecurityPolicy = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Content(MimeMessage.Load(path).HtmlBody ?? "", "text/html; charset=utf-8");
        }));
        app.MapGet("/outbox/{box}/mail/{file}/raw", LocalEndpoint.Of(context =>
            reader.Find(context.Route("box")) is not { } b || OutboxReader.PathOf(b, "mail", context.Route("file")) is not { } path
                ? Results.NotFound() : Results.File(path, "message/rfc822", context.Route("file"))));

        foreach (var channel in new[] { "teams", "board" })
            app.MapGet($"/outbox/{{box}}/{channel}/{{file}}", LocalEndpoint.Of(context => CardPage(reader, channel, context.Route("box"), context.Route("file"), context)));
        OutboxAssets.Map(app, repoRoot);
        OutboxReplies.Map(app, reader);
    }

    private static IResult CardPage(OutboxReader reader, string channel, string box, string file, HttpContext context)
    {
        if (reader.Find(box) is not { } b || OutboxReader.PathOf(b, channel, file) is not { } path) return NotFound();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e)
        {
            return Results.Extensions.Page(PageResult.Message(MessagePage.Error("Not a card", $"{file} is not JSON: {e.Message}"), StatusCodes.Status422UnprocessableEntity, Layout("Not a card", OutboxCrumb)));
        }
        using (doc)
        {
            // The JSON is shown HTML-encoded by the template, so it need not be escaped for script as well.
            var indented = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            var card = channel == "board"
                ? TeamsActivityCard.CardOf(doc.RootElement) is { } found ? JsonSerializer.Serialize(found, indented) : ""
                : TeamsActivityCard.FromActivity(doc.RootElement).ToJsonString(indented);
            var entry = reader.Entries(b).FirstOrDefault(e => e.Channel == channel && e.File == file);
            PageSecurity.AllowScripts(context);
            var model = new Card(channel == "board" ? "The board's card" : "Teams activity notification", b.Title, entry?.Kind ?? channel, entry?.Recipients ?? "",
                card, JsonSerializer.Serialize(doc.RootElement, indented), OutboxAssets.RendererHref, OutboxAssets.ScriptHref);
            return Results.Extensions.Page(new PageResult("outbox-card.html.sbn", model, Layout(model.Title, OutboxCrumb)));
        }
    }

    public static IResult NotFound() =>
        Results.Extensions.Page(PageResult.Message(MessagePage.Error("Not in the outbox", "There is no such message in the local outbox. It may have been deleted.") with { Back = OutboxCrumb },
            StatusCodes.Status404NotFound, Layout("Not in the outbox", OutboxCrumb)));

    private static Index ReadIndex(OutboxReader reader, string root, IQueryCollection query)
    {
        var recipient = query["recipient"].ToString().Trim();
        var kind = query["kind"].ToString().Trim();
        var boxFilter = query["box"].ToString().Trim();
        var boxes = reader.Boxes();
        var all = boxes.Select(b => (Box: b, Entries: reader.Entries(b))).ToList();
        var groups = new List<Group>();
        foreach (var (box, entries) in all.OrderBy(x => x.Box.Id == OutboxBox.AppId ? 0 : 1).ThenByDescending(x => x.Entries.Count == 0 ? DateTimeOffset.MinValue : Directory.GetCreationTimeUtc(x.Box.Folder)))
        {
            if (boxFilter.Length > 0 && box.Id != boxFilter) continue;
            var matching = entries.Where(e => (kind.Length == 0 || e.Kind == kind)
                                              && (recipient.Length == 0 || e.Recipients.Contains(recipient, StringComparison.OrdinalIgnoreCase))).ToList();
            if (matching.Count == 0) continue;
            groups.Add(new Group(box.Id, box.Title, matching.Take(RowsPerGroup).Select(e => new Row(e.Kind, e.At.ToString("ddd d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                e.Recipients, e.Summary, e.Href, e.Lead is null ? null : e.Href + "/reply")).ToList(), Math.Max(0, matching.Count - RowsPerGroup)));
        }
        var kinds = all.SelectMany(x => x.Entries).Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal)
            .Select(k => new Option(k, k, k == kind)).Prepend(new Option("", "Any kind", kind.Length == 0)).ToList();
        var boxOptions = boxes.Select(b => new Option(b.Id, b.Title, b.Id == boxFilter)).Prepend(new Option("", "Everything", boxFilter.Length == 0)).ToList();
        return new Index(root, groups, all.Sum(x => x.Entries.Count), groups.Sum(g => g.Rows.Count + g.Hidden), recipient, kinds, boxOptions,
            recipient.Length > 0 || kind.Length > 0 || boxFilter.Length > 0);
    }
}
