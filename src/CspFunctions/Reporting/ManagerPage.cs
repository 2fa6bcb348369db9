using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CspFunctions.Reporting;

/// <summary>The manager pages' shared layout: plain server-rendered HTML that works without JavaScript. Every value
/// written into a page goes through <see cref="H"/>.</summary>
public static class ManagerPage
{
    public static string H(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");

    /// <summary>A link within the app. People's routes take no function key, so none is ever copied into a link.</summary>
    public static string Link(HttpRequest request, string path, string? query = null) =>
        "/api/" + path.TrimStart('/') + (string.IsNullOrEmpty(query) ? "" : "?" + query);

    public static string Seg(string value) => Uri.EscapeDataString(value);

    /// <summary>A form POST from another site (cross-site request forgery against a signed-in manager) is refused.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null")
            return !(Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
        return string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase);
    }

    public static ContentResult Html(string title, string body, HttpRequest request, int status = 200, IReadOnlyList<(string Text, string Href)>? crumbs = null)
    {
        var nav = new StringBuilder();
        nav.Append($"<nav aria-label=\"Breadcrumb\"><ol class=\"crumbs\"><li><a href=\"{H(Link(request, "manage"))}\">Plans</a></li>");
        foreach (var (text, href) in crumbs ?? []) nav.Append($"<li><a href=\"{H(href)}\">{H(text)}</a></li>");
        nav.Append("</ol></nav>");
        var html = $$"""
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{H(title)}} - CSP manager</title>
            <style>
            body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; margin: 0; line-height: 1.45; }
            header { background: #1d3557; color: #fff; padding: .8rem 1.5rem; } header p { margin: 0; font-weight: bold; }
            main { padding: 1rem 1.5rem 3rem; max-width: 75rem; }
            .crumbs { list-style: none; padding: 0; display: flex; gap: .5rem; flex-wrap: wrap; } .crumbs li + li::before { content: "›"; margin-right: .5rem; }
            a { color: #1a4f8b; } a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
            table { border-collapse: collapse; margin: .5rem 0 1.5rem; min-width: 50%; }
            caption { text-align: left; font-weight: bold; padding: .3rem 0; }
            th, td { border: 1px solid #8a8a8a; padding: .35rem .6rem; text-align: left; vertical-align: top; }
            thead th { background: #e8eef6; }
            .notice { border-left: 6px solid #1a4f8b; background: #eef3f9; padding: .6rem 1rem; }
            .error { border-left: 6px solid #b00020; background: #fbeaec; padding: .6rem 1rem; }
            .ok { border-left: 6px solid #00703c; background: #e9f5ee; padding: .6rem 1rem; }
            form.inline { display: inline; } label { display: block; font-weight: bold; margin-top: .6rem; }
            input[type=text], input[type=email], input[type=number], select { padding: .3rem; min-width: 18rem; border: 1px solid #555; }
            button { margin-top: .8rem; padding: .45rem 1rem; font-size: 1rem; background: #1a4f8b; color: #fff; border: 0; border-radius: .2rem; cursor: pointer; }
            .hint { color: #4a4a4a; font-size: .95rem; margin: .1rem 0; }
            </style>
            </head>
            <body>
            <header><p>Community Safety Partnership: business plan</p></header>
            {{nav}}
            <main>
            <h1>{{H(title)}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """;
        return new ContentResult { Content = html, ContentType = "text/html; charset=utf-8", StatusCode = status };
    }

    public static IActionResult SeeOther(string location) => new RedirectResult(location, permanent: false, preserveMethod: false) { };

    public static string Rows<T>(IEnumerable<T> items, Func<T, string> row) => string.Concat(items.Select(row));
}
