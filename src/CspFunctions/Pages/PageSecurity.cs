using System.Security.Cryptography;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;

namespace CspFunctions.Pages;

/// <summary>What every page route gets, in one place: the security headers (a CSP whose nonce the stylesheet link carries,
/// no referrer, no caching unless the response says otherwise, no sniffing, no framing) and the same-origin check on form
/// posts. Applied by <see cref="PageSecurityMiddleware"/> in the worker and by the local host's pipeline the same way.</summary>
public static class PageSecurity
{
    private const string NonceItem = "CspFunctions.Pages.Nonce";
    private const string FrameItem = "CspFunctions.Pages.FramesFromSelf";
    private const string ScriptItem = "CspFunctions.Pages.ScriptsWithNonce";

    public const string RefusedText = "This form can only be sent from its own page. Open the page again and send it from there.";

    /// <summary>The manager pages, the response form and the stylesheet. The report and snapshots are documents with their
    /// own print stylesheet, and the machine endpoints (imports, webhooks) are not pages.</summary>
    public static bool IsPageRoute(PathString path) =>
        path.StartsWithSegments("/api/manage") || path.StartsWithSegments("/api/respond") || path.StartsWithSegments("/api/assets");

    public static string NonceFor(HttpContext context)
    {
        if (context.Items[NonceItem] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        return nonce;
    }

    /// <summary>For the local outbox's message view, which shows a mail's HTML in a sandboxed frame of the same origin.</summary>
    public static void AllowFramesFromSelf(HttpContext context) => context.Items[FrameItem] = true;

    /// <summary>For the local outbox's card page, which draws a card with the Adaptive Cards renderer: scripts that carry
    /// the request's nonce may run. No page of the app itself uses script.</summary>
    public static void AllowScripts(HttpContext context) => context.Items[ScriptItem] = true;

    public static void ApplyHeaders(HttpContext context)
    {
        var nonce = NonceFor(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var frames = context.Items.ContainsKey(FrameItem) ? " frame-src 'self';" : "";
            var scripts = context.Items.ContainsKey(ScriptItem) ? $" script-src 'nonce-{nonce}';" : "";
            headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; img-src 'self';{frames}{scripts} form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store, max-age=0";
                headers.Pragma = "no-cache";
            }
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            return Task.CompletedTask;
        });
    }

    /// <summary>A form post from another site (a forged form against a signed-in manager or a lead's link) is refused.
    /// Browsers send Sec-Fetch-Site, and Origin on POST; under no-referrer a same-origin POST may carry "Origin: null"
    /// but then also Sec-Fetch-Site, so "null" alone counts as unknown and is refused.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var o) || !string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Headers on, and false (with the refusal written) for a cross-site form post: the function is not run.</summary>
    public static async Task<bool> GuardAsync(HttpContext context)
    {
        ApplyHeaders(context);
        if (!HttpMethods.IsPost(context.Request.Method) || !IsCrossSite(context.Request)) return true;
        await new PageResult(MessagePage.Template, MessagePage.Error("Not sent", RefusedText), new PageLayout("Not sent"), StatusCodes.Status403Forbidden)
            .WriteAsync(context);
        return false;
    }
}
