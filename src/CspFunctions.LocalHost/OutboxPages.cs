using CspFunctions.Pages;
using CspFunctions.Templating;
using MimeKit;

namespace CspFunctions.LocalHost;

/// <summary>The local outbox at /outbox: every .eml and Teams .json the app wrote, newest first, with links to open them.
/// Pages render from Messaging/Templates/outbox*.html.sbn in the app's one layout.</summary>
public static class OutboxPages
{
    public sealed record Row(string Channel, string File, string Href, string Summary);

    public sealed record Index(string Folder, IReadOnlyList<Row> Rows);

    public sealed record Message(string Subject, string To, string Cc, string ReplyTo, string? HtmlHref, string RawHref, string Text);

    private static readonly Crumb[] Navigation = [new("Functions", "/"), new("Outbox", "/outbox"), new("Manager pages", "/api/manage")];

    public static PageLayout Layout(string title, params Crumb[] crumbs) =>
        new(title) { ServiceHref = "/", Navigation = Navigation, Crumbs = crumbs };

    public static void Map(WebApplication app, string outboxRoot)
    {
        app.MapGet("/outbox", context => new PageResult("outbox.html.sbn", ReadIndex(outboxRoot), Layout("Local outbox")).WriteAsync(context));
        app.MapGet("/outbox/{folder}/{file}", (string folder, string file, HttpContext context) =>
        {
            if (folder is not ("mail" or "teams") || !IsPlainName(file)) return Results.NotFound();
            var path = Path.Combine(outboxRoot, folder, file);
            if (!File.Exists(path)) return Results.NotFound();
            if (folder == "teams") return Results.File(path, "application/json; charset=utf-8");
            PageSecurity.AllowFramesFromSelf(context);
            var message = MimeMessage.Load(path);
            var name = Uri.EscapeDataString(file);
            var model = new Message(message.Subject ?? "(no subject)", message.To.ToString(), message.Cc.ToString(), message.ReplyTo.ToString(),
                message.HtmlBody is null ? null : $"/outbox/mail/{name}/html", $"/outbox/mail/{name}/raw", message.TextBody ?? "");
            return Results.Extensions.Page(new PageResult("outbox-message.html.sbn", model, Layout(model.Subject, new Crumb("Local outbox", "/outbox"))));
        });
        // The HTML part alone, for the sandboxed frame: its own inline styles may apply, nothing in it may run.
        app.MapGet("/outbox/mail/{file}/html", (string file, HttpContext context) =>
        {
            var path = Path.Combine(outboxRoot, "mail", file);
            if (!IsPlainName(file) || !File.Exists(path)) return Results.NotFound();
            context.Response.Headers.ContentSecurityPolicy = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Content(MimeMessage.Load(path).HtmlBody ?? "", "text/html; charset=utf-8");
        });
        app.MapGet("/outbox/mail/{file}/raw", (string file) =>
            !IsPlainName(file) || !File.Exists(Path.Combine(outboxRoot, "mail", file))
                ? Results.NotFound()
                : Results.File(Path.Combine(outboxRoot, "mail", file), "message/rfc822", file));
    }

    private static bool IsPlainName(string file) => !file.Contains("..") && !file.Contains('/') && !file.Contains('\\');

    private static Index ReadIndex(string root)
    {
        var rows = new List<Row>();
        foreach (var folder in new[] { "mail", "teams" })
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in new DirectoryInfo(dir).GetFiles().OrderByDescending(f => f.Name).Take(500))
                rows.Add(new Row(folder, file.Name, $"/outbox/{folder}/{Uri.EscapeDataString(file.Name)}", folder == "mail" ? Summary(file.FullName) : "Teams activity notification"));
        }
        return new Index(root, rows);
    }

    private static string Summary(string path)
    {
        try
        {
            var message = MimeMessage.Load(path);
            return $"{message.To} - {message.Subject}";
        }
        catch (FormatException) { return "(unreadable message)"; }
    }
}
