using CspFunctions.Access;
using CspFunctions.Pages;
using CspFunctions.Reporting;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CspFunctions.Workbench;

/// <summary>What the workbench functions share: who is signed in, the posted form, and the not-found page.</summary>
public static class WorkbenchRequests
{
    /// <summary>The signed-in manager as the audit and the messages record them: their verified email, else their name.</summary>
    public static string By(HttpRequest request) =>
        AccessGate.UserOf(request.HttpContext) is { } user ? user.VerifiedEmails.FirstOrDefault() ?? user.Name : "CSP manager";

    public static async Task<IFormCollection> FormAsync(HttpRequest request, CancellationToken ct) =>
        request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;

    public static string? Value(IFormCollection form, string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;

    public static PageResult NotFound(ManagerLinks links, string title, string text, Crumb? back = null) =>
        PageResult.Message(MessagePage.Error(title, text) with { Back = back }, StatusCodes.Status404NotFound, links.Layout(title));

    public static int StatusOf(WorkbenchOutcome outcome) => outcome.Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;

    public static IActionResult SeeOther(string href) => new RedirectResult(href, permanent: false);
}
