using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CspFunctions.Responses;

/// <summary>An HTML page from a token-bearing URL: strict CSP (styles by nonce only, no scripts), no referrer, never cached.</summary>
public sealed class HtmlPage(int status, string html, string nonce) : IActionResult
{
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    public int Status => status;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        var headers = response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store, max-age=0";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        await response.WriteAsync(html, context.HttpContext.RequestAborted);
    }

    /// <summary>A POST from another site (a forged form) is refused: browsers send Sec-Fetch-Site, and Origin on POST.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite is not ("same-origin" or "none");
        // Under Referrer-Policy: no-referrer browsers send "Origin: null" even for same-origin POSTs; they also send
        // Sec-Fetch-Site, handled above. Without it, "null" is as good as unknown and refused.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var o) || !string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
