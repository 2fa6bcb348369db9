using System.Collections.Concurrent;
using System.Reflection;
using CspFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CspFunctions.Access;

/// <summary>Puts <see cref="AccessRules"/> in front of an HTTP function: reads the function's <see cref="AccessAttribute"/>, asks
/// the rules, and turns a refusal into the answer (503, a sign-in redirect or 401, 403). The worker middleware uses it in Azure
/// and the local host before it invokes a function, so both enforce the same rules.</summary>
public sealed class AccessGate(AccessRules rules, AccessSettings settings)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string SignInPath = "/.auth/login/aad";
    private static readonly object UserKey = new();
    private static readonly ConcurrentDictionary<MethodInfo, AccessAttribute?> Declarations = new();

    public static AccessAttribute? DeclaredOn(MethodInfo method) => Declarations.GetOrAdd(method, static m => m.GetCustomAttribute<AccessAttribute>());

    /// <summary>The signed-in person the gate let through, for the record (who published) and for per-plan lists.</summary>
    public static SignedInUser? UserOf(HttpContext context) => context.Items.TryGetValue(UserKey, out var user) ? user as SignedInUser : null;

    /// <summary>Null when the request may go on to the function; otherwise the answer to give instead.</summary>
    /// <param name="routeValue">Looks up a route parameter of this invocation by name.</param>
    public async Task<IActionResult?> CheckAsync(HttpContext context, AccessAttribute? declared, Func<string, string?> routeValue)
    {
        var request = context.Request;
        var planId = declared is null ? null : routeValue(declared.PlanParameter);
        var decision = await rules.DecideAsync(declared?.Access, new AccessRequest(settings.PlatformSignInEnabled, request.Headers[PrincipalHeader].ToString(), planId), context.RequestAborted);
        if (decision.User is not null) context.Items[UserKey] = decision.User;
        return decision.Outcome switch
        {
            AccessOutcome.Allowed => null,
            AccessOutcome.SignInNotConfigured => Problems.Status(StatusCodes.Status503ServiceUnavailable, decision.Message),
            AccessOutcome.SignInRequired when IsBrowserNavigation(request) =>
                new RedirectResult(SignInPath + "?post_login_redirect_uri=" + Uri.EscapeDataString(request.Path + request.QueryString)),
            AccessOutcome.SignInRequired => Problems.Status(StatusCodes.Status401Unauthorized, decision.Message, $"Sign in at {SignInPath} first; this route takes no function key."),
            AccessOutcome.Forbidden => Problems.Status(StatusCodes.Status403Forbidden, decision.Message, "Ask the plan's manager to list you, or an administrator for the Admin role."),
            _ => Problems.Status(StatusCodes.Status500InternalServerError, decision.Message),
        };
    }

    /// <summary>A person's browser opening a page (sent to sign in), as opposed to a script or a form post (401).</summary>
    private static bool IsBrowserNavigation(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
        (string.Equals(request.Headers["Sec-Fetch-Mode"].ToString(), "navigate", StringComparison.OrdinalIgnoreCase) ||
         request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
