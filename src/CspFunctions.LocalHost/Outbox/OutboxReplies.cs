using CspFunctions.LocalHost.Replies;
using CspFunctions.Pages;
using CspFunctions.Templating;
using MimeKit;

namespace CspFunctions.LocalHost.Outbox;

/// <summary>"Reply as this lead" on a reminder in the outbox: a compose box whose text and signature
/// <see cref="ReplyBuilder"/> makes into the reply Outlook would send, posted by <see cref="InboundParsePoster"/> to the
/// inbound endpoint of the app that sent the reminder (a run's own for a run's mail) with the function key, as SendGrid
/// Inbound Parse posts it. The page says what the endpoint answered. Cross-site posts are refused by the page checks.</summary>
public static class OutboxReplies
{
    public sealed record Compose(string Subject, string From, string To, string Box, string Action, string Body, string Signature,
        IReadOnlyList<Crumb> Errors, string MessageHref, string Quoted)
    {
        public bool HasErrors => Errors.Count > 0;
    }

    public sealed record Answer(string Subject, string From, int Status, string State, string Reason, bool Accepted, string RoundHref, string MessageHref, string Endpoint);

    public const string BodyField = "body";
    public const string SignatureField = "signature";

    public static void Map(WebApplication app, OutboxReader reader)
    {
        app.MapGet("/outbox/{box}/mail/{file}/reply", LocalEndpoint.Of(context =>
            Find(reader, context.Route("box"), context.Route("file")) is not { } found ? OutboxPages.NotFound() : Page(found, "", "", [])));

        app.MapPost("/outbox/{box}/mail/{file}/reply", LocalEndpoint.Of(async context =>
        {
            var (box, file) = (context.Route("box"), context.Route("file"));
            if (Find(reader, box, file) is not { } found) return OutboxPages.NotFound();
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var body = form?[BodyField].ToString() ?? "";
            var signature = form?[SignatureField].ToString() ?? "";
            MimeMessage reply;
            try
            {
                reply = ReplyBuilder.Build(found.Reminder, new ReplyDraft(body, signature), context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            }
            catch (ArgumentException e)
            {
                return Page(found, body, signature, [new Crumb(e.Message.Split(" (Parameter")[0], "#" + BodyField)]);
            }
            var poster = LocalReplies.Poster(context.RequestServices, context.RequestServices.GetRequiredService<LocalFunctionKeys>().Key, found.Box.ApiBase);
            if (poster is null) return Problem("Not sent", "The local host does not know its own address yet, so it cannot post the reply. Try again in a moment.");
            InboundPostResult result;
            try
            {
                result = await poster.PostAsync(reply, context.RequestAborted);
            }
            catch (HttpRequestException e)
            {
                return Problem("Not sent", $"The inbound endpoint could not be reached: {e.Message}");
            }
            var headers = found.Reminder.Headers;
            var model = new Answer(reply.Subject ?? "", reply.From.ToString(), result.Status, result.State ?? "", result.Reason ?? "", result.Accepted,
                $"{found.Box.ApiBase}/api/manage/plans/{Uri.EscapeDataString(headers["X-Csp-plan"] ?? "")}/rounds/{Uri.EscapeDataString(headers["X-Csp-round"] ?? "")}",
                found.Href, $"{found.Box.ApiBase}/{InboundParsePoster.Route}");
            return Results.Extensions.Page(new PageResult("outbox-replied.html.sbn", model,
                OutboxPages.Layout(result.Accepted ? "Reply posted" : "Reply refused", new Crumb("Local outbox", "/outbox"), new Crumb(found.Reminder.Subject ?? "Reminder", found.Href))));
        }));
    }

    private sealed record Found(OutboxBox Box, MimeMessage Reminder, string Href);

    private static Found? Find(OutboxReader reader, string box, string file)
    {
        if (reader.Find(box) is not { } b || OutboxReader.PathOf(b, "mail", file) is not { } path) return null;
        var reminder = MimeMessage.Load(path);
        if (string.IsNullOrWhiteSpace(reminder.Headers["X-Csp-lead"]) || reminder.ReplyTo.Count == 0) return null;
        return new Found(b, reminder, $"/outbox/{b.Id}/mail/{Uri.EscapeDataString(file)}");
    }

    private static IResult Page(Found found, string body, string signature, IReadOnlyList<Crumb> errors)
    {
        var model = new Compose("RE: " + found.Reminder.Subject, found.Reminder.To.ToString(), found.Reminder.ReplyTo.ToString(), found.Box.Title, found.Href + "/reply",
            body, signature, errors, found.Href, (found.Reminder.TextBody ?? "").Trim());
        var layout = OutboxPages.Layout("Reply as this lead", new Crumb("Local outbox", "/outbox"), new Crumb(found.Reminder.Subject ?? "Reminder", found.Href)) with { HasErrors = errors.Count > 0 };
        return Results.Extensions.Page(new PageResult("outbox-reply.html.sbn", model, layout, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK));
    }

    private static IResult Problem(string title, string text) =>
        Results.Extensions.Page(PageResult.Message(MessagePage.Error(title, text) with { Back = new Crumb("Back to the outbox", "/outbox") }, StatusCodes.Status502BadGateway,
            OutboxPages.Layout(title, new Crumb("Local outbox", "/outbox"))));
}
