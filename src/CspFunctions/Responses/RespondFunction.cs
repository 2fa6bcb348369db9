using CspFunctions.Access;
using System.Text;
using CspFunctions.Http;
using CspFunctions.Pages;
using CspFunctions.Storage;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Responses;

/// <summary>The personal progress form: GET only renders (mail scanners fetch links), POST saves. The token is the credential.</summary>
public sealed class RespondFunction(ResponseDesk desk, ResponseMailer mailer, ResponseOptions options, LinkSigner signer, TableLinkRenewals renewals, TimeProvider clock)
{
    public const long MaxFormBytes = 512 * 1024;

    [Function("RespondForm")]
    [Access(RouteAccess.SignedLink)]
    public async Task<IActionResult> Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "respond/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        var opening = await desk.OpenAsync(token, ct);
        return opening.IsOpen ? Form(opening.Context!, token, null, [], StatusCodes.Status200OK) : LinkProblemPage(opening, token);
    }

    [Function("SaveResponse")]
    [Access(RouteAccess.SignedLink)]
    public async Task<IActionResult> Save([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "respond/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        var opening = await desk.OpenAsync(token, ct);
        if (!opening.IsOpen) return LinkProblemPage(opening, token);
        var context = opening.Context!;

        if (!(request.ContentType ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return Message(415, "Not saved", "The form was sent in a format we do not accept. Open the link from your email and save from there.");
        Dictionary<string, string> fields;
        try
        {
            using var body = await BodyReader.ReadLimitedAsync(request, MaxFormBytes, ct);
            var text = new UTF8Encoding(false, true).GetString(body.ToArray());
            fields = QueryHelpers.ParseQuery(text).ToDictionary(f => f.Key, f => f.Value.ToString());
        }
        catch (BodyTooLargeException)
        {
            return Message(413, "Not saved: too much text", $"The form sent more than {MaxFormBytes / 1024:N0} KB, so nothing was saved. Each action's progress can be up to {options.MaxProgressText:N0} characters; send long documents as an email attachment.");
        }
        catch (DecoderFallbackException)
        {
            return Message(400, "Not saved", "The form's text could not be read (it was not UTF-8). Nothing was saved. Please try again from the link in your email.");
        }

        var submission = FormSubmission.Read(fields, context, options.MaxProgressText);
        if (submission.Errors.Count > 0) return Form(context, token, submission, [], StatusCodes.Status400BadRequest);

        var outcome = await desk.SaveAsync(context, submission, ct);
        var formUrl = ResponseLinks.FormUrl(options.PublicBaseUrl, token);
        var emailed = outcome.Saved.Count > 0 && await mailer.TrySendAsync(ResponseMail.Confirmation(context, outcome.Saved, formUrl, "through your progress form"), ct);
        if (outcome.Conflicts.Count == 0) return new PageResult(ResponseSavedPage.Template, ResponseSavedPage.For(context, outcome, formUrl, emailed), LayoutFor(context, "Progress saved"));

        var fresh = await desk.ContextAsync(context.Claims, context.Plan, context.Round, context.Lead, context.Contact, ct);
        var rebased = submission with
        {
            Answers = submission.Answers.Select(a => outcome.Saved.FirstOrDefault(s => s.ActionNumber == a.ActionNumber) is { } saved ? a with { BaseVersion = saved.Version } : a).ToList(),
        };
        return Form(fresh, token, rebased, outcome.Conflicts, StatusCodes.Status409Conflict);
    }

    [Function("RenewResponseLink")]
    [Access(RouteAccess.SignedLink)]
    public async Task<IActionResult> Renew([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "respond/{token}/renew")] HttpRequest request, string token, CancellationToken ct)
    {
        var validation = signer.Validate(token, LinkClaims.RespondPurpose);
        if (validation.Claims is null || validation.Status is not (LinkStatus.Expired or LinkStatus.Valid)) return LinkProblemPage(new(LinkProblem.Invalid, null, null), token);
        var opening = await desk.ResolveAsync(validation.Claims, ct);
        if (!opening.IsOpen) return LinkProblemPage(opening, token);
        var context = opening.Context!;

        var (allowed, lastSent) = await renewals.TryStartAsync(context.Plan.Id, context.Round.Id, context.Lead.Id, context.Contact.Email, clock.GetUtcNow(), options.RenewInterval, ct);
        if (!allowed)
            return Message(429, "A new link is on its way",
                $"We sent a new link to {Mask(context.Contact.Email)} at {lastSent.UtcDateTime:HH:mm} UTC. Check your inbox and junk folder. You can ask again after {(lastSent + options.RenewInterval).UtcDateTime:HH:mm} UTC.");

        var claims = ResponseLinks.ClaimsFor(context.Plan, context.Round, context.Lead, context.Contact, options.Grace);
        var expires = new[] { claims.ExpiresAt, clock.GetUtcNow() + ResponseLinks.RenewedLinkLifetime }.Max();
        var fresh = signer.Create(claims with { ExpiresUnixSeconds = expires.ToUnixTimeSeconds() });
        var sent = await mailer.TrySendAsync(ResponseMail.FreshLink(context.Contact, context.Plan, context.Round, ResponseLinks.FormUrl(options.PublicBaseUrl, fresh), expires), ct);
        return sent
            ? Message(200, "Check your email", $"We have emailed a new link to {Mask(context.Contact.Email)}. It works until {expires.UtcDateTime:d MMMM yyyy}.")
            : Message(503, "No link sent", "We could not send the email just now. Please try again in a few minutes.");
    }

    private static IActionResult LinkProblemPage(LinkOpening opening, string token) => opening.Problem switch
    {
        LinkProblem.Expired => Message(410, "This link has expired",
            "Personal links stop working two weeks after the quarter's due date. We can email a new link to the address this one was sent to.",
            renewAction: $"/api/respond/{Uri.EscapeDataString(token)}/renew"),
        LinkProblem.ContactRemoved => Message(403, "This link no longer works for you",
            "Your email address is no longer listed as a contact for this part of the plan, so the form is closed to this link. If that is a mistake, please contact the Community Safety Partnership manager."),
        LinkProblem.RoundClosed => Message(410, "This quarter's updates have closed",
            "The round this link was for has closed, so updates can no longer be changed here. Please contact the Community Safety Partnership manager if something needs correcting."),
        LinkProblem.PlanGone => Message(404, "This form is no longer available",
            "The plan or quarter this link was for no longer exists. Please use the link in your latest reminder email."),
        _ => Message(403, "This link is not valid",
            "The link may have been copied incompletely or changed. Please use the link in your latest reminder email, or ask the Community Safety Partnership manager for a new one."),
    };

    private static PageLayout LayoutFor(ResponseContext context, string title, bool hasErrors = false) => new(title)
    {
        Contact = context.Plan.Managers.FirstOrDefault() is { } m ? new PageContact(m.Name, m.Email) : null,
        PlanName = context.Plan.Name,
        HasErrors = hasErrors,
    };

    private static PageResult Form(ResponseContext context, string token, FormSubmission? posted, IReadOnlyList<SaveConflict> conflicts, int status) =>
        new(ResponseFormPage.Template, ResponseFormPage.For(context, token, posted, conflicts), LayoutFor(context, "Progress update", posted?.Errors.Count > 0), status);

    private static PageResult Message(int status, string title, string message, string? renewAction = null) =>
        PageResult.Message((title.StartsWith("Not saved", StringComparison.Ordinal) ? MessagePage.Error(title, message) : MessagePage.Info(title, message)) with
        {
            Action = renewAction is null ? null : new Crumb("Email me a new link", renewAction),
        }, status);

    private static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 1 ? email : email[0] + new string('*', Math.Min(at - 1, 6)) + email[at..];
    }
}
