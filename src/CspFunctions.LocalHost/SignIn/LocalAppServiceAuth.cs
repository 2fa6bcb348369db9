using System.Text;
using System.Text.Json;
using CspFunctions.Access;
using CspFunctions.Plans;
using CspFunctions.Pages;
using Microsoft.AspNetCore.DataProtection;

namespace CspFunctions.LocalHost.SignIn;

/// <summary>
/// App Service Authentication as the platform does it, for the local host: every request loses any X-MS-CLIENT-PRINCIPAL
/// header the client sent; a request with a valid session cookie gets the principal header the platform would inject.
/// /.auth/login/aad is a local sign-in page in the app's one layout (choose a person the plans list, or type a name, address and the Admin role),
/// /.auth/logout ends the session and /.auth/me shows it.
/// </summary>
public static class LocalAppServiceAuth
{
    public const string SessionCookie = "AppServiceAuthSession";
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private static readonly string[] PlatformHeaders = [AccessGate.PrincipalHeader, "X-MS-CLIENT-PRINCIPAL-ID", "X-MS-CLIENT-PRINCIPAL-NAME", "X-MS-CLIENT-PRINCIPAL-IDP"];
    public static void Use(WebApplication app)
    {
        // Session cookies die with the process, like a restart of the platform's token store would not: locally that is what you want.
        // Made at the first sign-in or session cookie, not at start: a request without a session never needs it.
        var sessions = new Lazy<IDataProtector>(() => new EphemeralDataProtectionProvider().CreateProtector("local-app-service-auth"));
        app.Use(async (context, next) =>
        {
            foreach (var header in PlatformHeaders) context.Request.Headers.Remove(header);
            if (context.Request.Cookies.TryGetValue(SessionCookie, out var cookie) && Unprotect(sessions.Value, cookie) is { } principalJson)
            {
                context.Request.Headers[AccessGate.PrincipalHeader] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principalJson));
                if (SignedInUser.FromPrincipalHeader(context.Request.Headers[AccessGate.PrincipalHeader]) is { } user)
                {
                    context.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = user.Name;
                    context.Request.Headers["X-MS-CLIENT-PRINCIPAL-IDP"] = user.IdentityProvider;
                    if (user.ObjectId is { } oid) context.Request.Headers["X-MS-CLIENT-PRINCIPAL-ID"] = oid;
                }
            }
            await next();
        });

        app.MapGet(AccessGate.SignInPath, LocalEndpoint.Of(async context =>
        {
            var plans = context.RequestServices.GetRequiredService<IPlanStore>();
            var people = new List<LocalSignInPerson>();
            foreach (var id in await plans.ListPlanIdsAsync(context.RequestAborted))
            {
                if (await plans.GetAsync(id, context.RequestAborted) is not { } stored) continue;
                people.AddRange(stored.Plan.Managers.Select(c => new LocalSignInPerson(c.Name, c.Email, c.TeamsUserId ?? "", "manager", stored.Plan.Name)));
                people.AddRange(stored.Plan.BoardMembers.Select(c => new LocalSignInPerson(c.Name, c.Email, c.TeamsUserId ?? "", "board member", stored.Plan.Name)));
            }
            var page = new LocalSignInPage(people, LocalPath(context.Request.Query["post_login_redirect_uri"].ToString()),
                SignedInUser.FromPrincipalHeader(context.Request.Headers[AccessGate.PrincipalHeader])?.Name);
            return Results.Extensions.Page(new PageResult(LocalSignInPage.Template, page, OutboxPages.Layout("Sign in (local)")));
        }));

        app.MapPost(AccessGate.SignInPath, LocalEndpoint.Of(async context =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var name = form?["name"].ToString().Trim() ?? "";
            var email = form?["email"].ToString().Trim() ?? "";
            if (name.Length == 0 && email.Length == 0) return Results.BadRequest(new { error = "Give a name or an e-mail address to sign in as." });
            var principal = Principal(name.Length > 0 ? name : email, email, form?["object_id"].ToString().Trim(), form?["admin"].ToString() == "true");
            context.Response.Cookies.Append(SessionCookie, sessions.Value.Protect(principal), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            return Results.Redirect(LocalPath(form?["post_login_redirect_uri"].ToString()));
        }));

        app.MapGet("/.auth/logout", LocalEndpoint.Of(context =>
        {
            context.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = "/" });
            return Results.Redirect(LocalPath(context.Request.Query["post_logout_redirect_uri"].ToString()));
        }));

        app.MapGet("/.auth/me", LocalEndpoint.Of(context =>
            context.Request.Headers[AccessGate.PrincipalHeader].ToString() is { Length: > 0 } header
                ? Results.Content("[" + Encoding.UTF8.GetString(Convert.FromBase64String(header)) + "]", "application/json")
                : Results.Json(Array.Empty<object>())));
    }

    /// <summary>The principal JSON the platform injects for an Entra sign-in, with the address marked verified (xms_edov).</summary>
    public static string Principal(string name, string? email, string? objectId, bool admin)
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        if (!string.IsNullOrEmpty(email))
        {
            claims.Add(new { typ = "preferred_username", val = email });
            claims.Add(new { typ = "email", val = email });
            claims.Add(new { typ = "xms_edov", val = "true" });
        }
        if (!string.IsNullOrEmpty(objectId)) claims.Add(new { typ = ObjectIdClaim, val = objectId });
        if (admin) claims.Add(new { typ = "roles", val = SignedInUser.AdminRole });
        return JsonSerializer.Serialize(new { auth_typ = AccessRules.EntraProvider, name_typ = "name", role_typ = "roles", claims });
    }

    /// <summary>Only a path on this host: a sign-in never redirects to another site.</summary>
    private static string LocalPath(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) && !uri.StartsWith("/\\", StringComparison.Ordinal) ? uri : "/";

    private static string? Unprotect(IDataProtector protector, string cookie)
    {
        try { return protector.Unprotect(cookie); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }
}
