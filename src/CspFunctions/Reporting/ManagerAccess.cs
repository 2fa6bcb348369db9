using System.Text;
using System.Text.Json;
using CspFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CspFunctions.Reporting;

/// <summary>
/// Locally the function key guards the manager pages. With App Service Authentication on (the platform sets
/// WEBSITE_AUTH_ENABLED=True and strips any client-sent X-MS-CLIENT-PRINCIPAL), the signed-in principal must carry
/// the "Manager" app role; without a principal the browser is sent to sign in (infra/app/auth.bicep explains why).
/// </summary>
public static class ManagerAccess
{
    public const string Role = "Manager";
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    private static readonly string[] RoleClaimTypes = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    /// <summary>Null when the request may proceed; otherwise the answer to give.</summary>
    public static IActionResult? Check(HttpRequest request, ReportingSettings settings)
    {
        if (!settings.AppServiceAuthEnabled) return null;
        var header = request.Headers[PrincipalHeader].ToString();
        if (header.Length == 0)
        {
            var back = request.Path + request.QueryString;
            return new RedirectResult("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(back));
        }
        return HasManagerRole(header)
            ? null
            : Problems.Status(StatusCodes.Status403Forbidden, "You are signed in, but not as a CSP manager.", $"Ask an administrator to give you the {Role} role in the app registration.");
    }

    public static bool HasManagerRole(string principalHeader)
    {
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(principalHeader)));
            if (!doc.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return false;
            var roleType = doc.RootElement.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            return claims.EnumerateArray().Any(c =>
                c.TryGetProperty("typ", out var typ) && c.TryGetProperty("val", out var val) &&
                (RoleClaimTypes.Contains(typ.GetString()) || typ.GetString() == roleType) && val.GetString() == Role);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>The signed-in manager's name for the record, or "CSP manager" locally.</summary>
    public static string WhoIs(HttpRequest request, ReportingSettings settings)
    {
        var header = request.Headers[PrincipalHeader].ToString();
        if (header.Length == 0 || !settings.AppServiceAuthEnabled) return "CSP manager";
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var claims = doc.RootElement.GetProperty("claims").EnumerateArray();
            return claims.Where(c => c.GetProperty("typ").GetString() is "name" or "preferred_username").Select(c => c.GetProperty("val").GetString()).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "CSP manager";
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "CSP manager";
        }
    }
}
