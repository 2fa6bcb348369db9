using System.Net;
using MimeKit;

namespace CspFunctions.LocalHost;

/// <summary>The local outbox at /outbox: every .eml and Teams .json the app wrote, newest first, with links to open them.</summary>
public static class OutboxPages
{
    public static void Map(WebApplication app, string outboxRoot)
    {
        app.MapGet("/outbox", () => Results.Content(Index(outboxRoot), "text/html; charset=utf-8"));
        app.MapGet("/outbox/{folder}/{file}", (string folder, string file) =>
        {
            if (folder is not ("mail" or "teams") || file.Contains("..") || file.Contains('/') || file.Contains('\\')) return Results.NotFound();
            var path = Path.Combine(outboxRoot, folder, file);
            if (!File.Exists(path)) return Results.NotFound();
            return folder == "teams"
                ? Results.File(path, "application/json; charset=utf-8")
                : Results.Content(MessageView(path), "text/html; charset=utf-8");
        });
        app.MapGet("/outbox/mail/{file}/raw", (string file) =>
            file.Contains("..") || file.Contains('/') || !File.Exists(Path.Combine(outboxRoot, "mail", file))
                ? Results.NotFound()
                : Results.File(Path.Combine(outboxRoot, "mail", file), "message/rfc822", file));
    }

    private static string Index(string root)
    {
        var rows = new List<string>();
        foreach (var folder in new[] { "mail", "teams" })
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in new DirectoryInfo(dir).GetFiles().OrderByDescending(f => f.Name).Take(500))
            {
                var name = WebUtility.HtmlEncode(file.Name);
                var summary = folder == "mail" ? Summary(file.FullName) : "Teams activity notification";
                rows.Add($"<tr><td>{folder}</td><td><a href=\"/outbox/{folder}/{Uri.EscapeDataString(file.Name)}\">{name}</a></td><td>{WebUtility.HtmlEncode(summary)}</td></tr>");
            }
        }
        var body = rows.Count == 0
            ? "<p>Nothing has been sent yet. Run <code>dotnet run --project src/CspFunctions.LocalHost -- simulate-quarter</code> to see a quarter's reminders.</p>"
            : $"<table><caption>{rows.Count} message(s), newest first</caption><thead><tr><th scope=\"col\">Channel</th><th scope=\"col\">File</th><th scope=\"col\">To and subject</th></tr></thead><tbody>{string.Join("", rows)}</tbody></table>";
        return Page("Local outbox", $"<h1>Local outbox</h1><p>Folder: <code>{WebUtility.HtmlEncode(root)}</code></p>{body}");
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

    private static string MessageView(string path)
    {
        var message = MimeMessage.Load(path);
        var name = Uri.EscapeDataString(Path.GetFileName(path));
        // The HTML body is shown in a sandboxed frame so its links work but nothing in it runs.
        var html = message.HtmlBody is { } h ? $"<iframe title=\"Message body\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"{WebUtility.HtmlEncode(h)}\" style=\"width:100%;height:70vh;border:1px solid #b1b4b6\"></iframe>" : "";
        return Page(message.Subject ?? "(no subject)", $"""
            <p><a href="/outbox">Back to the outbox</a> | <a href="/outbox/mail/{name}/raw">Download .eml</a></p>
            <h1>{WebUtility.HtmlEncode(message.Subject)}</h1>
            <dl><dt>To</dt><dd>{WebUtility.HtmlEncode(message.To.ToString())}</dd><dt>Cc</dt><dd>{WebUtility.HtmlEncode(message.Cc.ToString())}</dd>
            <dt>Reply-To</dt><dd>{WebUtility.HtmlEncode(message.ReplyTo.ToString())}</dd></dl>
            {html}
            <h2>Plain text</h2><pre style="white-space:pre-wrap">{WebUtility.HtmlEncode(message.TextBody)}</pre>
            """);
    }

    private static string Page(string title, string content) => $$"""
        <!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}} - CspFunctions local host</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}th,td{text-align:left;padding:.3rem .8rem;vertical-align:top}</style></head>
        <body><main>{{content}}</main></body></html>
        """;
}
