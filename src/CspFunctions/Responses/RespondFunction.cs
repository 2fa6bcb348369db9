using CspFunctions.Access;
using System.Text;
using CspFunctions.Http;
using CspFunctions.Storage;
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
        var nonce = HtmlPage.NewNonce();
        var opening = await desk.OpenAsync(token, ct);
        return opening.IsOpen
            ? new HtmlPage(200, ResponsePages.Form(opening.Context!, token, null, [], nonce), nonce)
            : LinkProblemPage(opening, token, nonce);
    }

    [Function("SaveResponse")]
    [Access(RouteAccess.SignedLink)]
    public async Task<IActionResult> Save([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "respond/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        var nonce = HtmlPage.NewNonce();
        if (HtmlPage.IsCrossSite(request))
            return new HtmlPage(403, ResponsePages.Message("Not saved", "This form can only be sent from its own page. Open the link from your email and save from there.", nonce), nonce);
        var opening = await desk.OpenAsync(token, ct);
        if (!opening.IsOpen) return LinkProblemPage(opening, token, nonce);
        var context = opening.Context!;

        if (!(request.ContentType ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return new HtmlPage(415, ResponsePages.Message("Not saved", "The form was sent in a format we do not accept. Open the link from your email and save from there.", nonce), nonce);
        Dictionary<string, string> fields;
        try
        {
            using var body = await BodyReader.ReadLimitedAsync(request, MaxFormBytes, ct);
            var text = new UTF8Encoding(false, true).GetString(body.ToArray());
            fields = QueryHelpers.ParseQuery(text).ToDictionary(f => f.Key, f => f.Value.ToString());
        }
        catch (BodyTooLargeException)
        {
            return new HtmlPage(413, ResponsePages.Message("Not saved: too much text", $"The form sent more than {MaxFormBytes / 1024:N0} KB, so nothing was saved. Each action's progress can be up to {options.MaxProgressText:N0} characters; send long documents as an email attachment.", nonce), nonce);
        }
        catch (DecoderFallbackException)
        {
            return new HtmlPage(400, ResponsePages.Message("Not saved", "The form's text could not be read (it was not UTF-8). Nothing was saved. Please try again from the link in your email.", nonce), nonce);
        }

        var submission = FormSubmission.Read(fields, context, options.MaxProgressText);
        if (submission.Errors.Count > 0) return new HtmlPage(400, ResponsePages.Form(context, token, submission, [], nonce), nonce);

        var outcome = await desk.SaveAsync(context, submission, ct);
        var formUrl = ResponseLinks.FormUrl(options.PublicBaseUrl, token);
        var emailed = outcome.Saved.Count > 0 && await mailer.TrySendAsync(ResponseMail.Confirmation(context, outcome.Saved, formUrl, "through your progress form"), ct);
        if (outcome.Conflicts.Count == 0) return new HtmlPage(200, ResponsePages.Saved(context, outcome, formUrl, emailed, nonce), nonce);

        var fresh = await desk.ContextAsync(context.Claims, context.Plan, context.Round, context.Lead, context.Contact, ct);
        var rebased = submission with
        {
            Answers = submission.Answers.Select(a => outcome.Saved.FirstOrDefault(s => s.ActionNumber == a.ActionNumber) is { } saved ? a with { BaseVersion = saved.Version } : a).ToList(),
        };
        return new HtmlPage(409, ResponsePages.Form(fresh, token, rebased, outcome.Conflicts, nonce), nonce);
    }

    [Function("RenewResponseLink")]
    [Access(RouteAccess.SignedLink)]
    public async Task<IActionResult> Renew([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "respond/{token}/renew")] HttpRequest request, string token, CancellationToken ct)
    {
        var nonce = HtmlPage.NewNonce();
        if (HtmlPage.IsCrossSite(request))
            return new HtmlPage(403, ResponsePages.Message("No link sent", "A new link can only be asked for from the expired link's own page.", nonce), nonce);
        var validation = signer.Validate(token, LinkClaims.RespondPurpose);
        if (validation.Claims is null || validation.Status is not (LinkStatus.Expired or LinkStatus.Valid)) return LinkProblemPage(new(LinkProblem.Invalid, null, null), token, nonce);
        var opening = await desk.ResolveAsync(validation.Claims, ct);
        if (!opening.IsOpen) return LinkProblemPage(opening, token, nonce);
        var context = opening.Context!;

        var (allowed, lastSent) = await renewals.TryStartAsync(context.Plan.Id, context.Round.Id, context.Lead.Id, context.Contact.Email, clock.GetUtcNow(), options.RenewInterval, ct);
        if (!allowed)
            return new HtmlPage(429, ResponsePages.Message("A new link is on its way",
                $"We sent a new link to {Mask(context.Contact.Email)} at {lastSent.UtcDateTime:HH:mm} UTC. Check your inbox and junk folder. You can ask again after {(lastSent + options.RenewInterval).UtcDateTime:HH:mm} UTC.", nonce), nonce);

        var claims = ResponseLinks.ClaimsFor(context.Plan, context.Round, context.Lead, context.Contact, options.Grace);
        var expires = new[] { claims.ExpiresAt, clock.GetUtcNow() + ResponseLinks.RenewedLinkLifetime }.Max();
        var fresh = signer.Create(claims with { ExpiresUnixSeconds = expires.ToUnixTimeSeconds() });
        var sent = await mailer.TrySendAsync(ResponseMail.FreshLink(context.Contact, context.Plan, context.Round, ResponseLinks.FormUrl(options.PublicBaseUrl, fresh), expires), ct);
        return sent
            ? new HtmlPage(200, ResponsePages.Message("Check your email", $"We have emailed a new link to {Mask(context.Contact.Email)}. It works until {expires.UtcDateTime:d MMMM yyyy}.", nonce), nonce)
            : new HtmlPage(503, ResponsePages.Message("No link sent", "We could not send the email just now. Please try again in a few minutes.", nonce), nonce);
    }

    private static IActionResult LinkProblemPage(LinkOpening opening, string token, string nonce) => opening.Problem switch
    {
        LinkProblem.Expired => new HtmlPage(410, ResponsePages.Message("This link has expired",
            "Personal links stop working two weeks after the quarter's due date. We can email a new link to the address this one was sent to.", nonce,
            renewAction: $"/api/respond/{Uri.EscapeDataString(token)}/renew"), nonce),
        LinkProblem.ContactRemoved => new HtmlPage(403, ResponsePages.Message("This link no longer works for you",
            "Your email address is no longer listed as a contact for this part of the plan, so the form is closed to this link. If that is a mistake, please contact the Community Safety Partnership manager.", nonce), nonce),
        LinkProblem.RoundClosed => new HtmlPage(410, ResponsePages.Message("This quarter's updates have closed",
            "The round this link was for has closed, so updates can no longer be changed here. Please contact the Community Safety Partnership manager if something needs correcting.", nonce), nonce),
        LinkProblem.PlanGone => new HtmlPage(404, ResponsePages.Message("This form is no longer available",
            "The plan or quarter this link was for no longer exists. Please use the link in your latest reminder email.", nonce), nonce),
        _ => new HtmlPage(403, ResponsePages.Message("This link is not valid",
            "The link may have been copied incompletely or changed. Please use the link in your latest reminder email, or ask the Community Safety Partnership manager for a new one.", nonce), nonce),
    };

    private static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 1 ? email : email[0] + new string('*', Math.Min(at - 1, 6)) + email[at..];
    }
}
