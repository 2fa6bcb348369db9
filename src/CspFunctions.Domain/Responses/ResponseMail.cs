using System.Net;
using System.Text;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>The emails the response side sends. Every piece of user text is HTML-encoded in the HTML body.</summary>
public static class ResponseMail
{
    public static OutgoingMail Confirmation(ResponseContext context, IReadOnlyList<ProgressUpdate> captured, string formUrl, string how) =>
        Confirmation(context, captured, formUrl, how, "", "");

    private static OutgoingMail Confirmation(ResponseContext context, IReadOnlyList<ProgressUpdate> captured, string formUrl, string how, string extraText, string extraHtml)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append($"Thank you. We received your progress update for {context.Plan.Name}, {context.Round.Id} ({how}).\n\n");
        html.Append($"<p>Thank you. We received your progress update for {E(context.Plan.Name)}, {E(context.Round.Id)} ({E(how)}).</p>");
        foreach (var u in captured.OrderBy(u => u.ActionNumber))
        {
            // A restricted action's update stays in the system (mail is forwarded and kept): the mail only says it was saved.
            var restricted = context.Plan.Actions.FirstOrDefault(a => a.Number == u.ActionNumber) is not { Restricted: false };
            var saved = $"Action {u.ActionNumber} (restricted): saved";
            text.Append(restricted ? saved + "\n\n" : $"Action {u.ActionNumber} - {u.Status.Display()}, {u.Rag}\n{u.Text}\n\n");
            html.Append($"<h2>{E(restricted ? saved : $"Action {u.ActionNumber}: {u.Status.Display()}, {u.Rag}")}</h2>" + (restricted ? "" : $"<p>{Paragraphs(u.Text)}</p>"));
        }
        text.Append(extraText);
        html.Append(extraHtml);
        text.Append($"You can change it until the round closes: {formUrl}\n");
        html.Append($"<p>You can change it until the round closes: <a href=\"{E(formUrl)}\">open your progress form</a>.</p>");
        return Automatic(new(context.Contact.Name, context.Contact.Email), $"Progress update received: {context.Lead.Name}, {context.Round.Id}", text, html);
    }

    /// <summary>The reply to an emailed update: each action's update exactly as stored (so a wrong cut is visible and can be
    /// corrected in the form), the text that could not be placed, "no change" with nothing to carry forward, and the evidence kept.</summary>
    public static OutgoingMail Acknowledgement(ResponseContext context, IReadOnlyList<ProgressUpdate> captured, string unassigned, IReadOnlyList<string> evidence, string formUrl,
        IReadOnlyList<int>? needsRealUpdate = null)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        if (captured.Count == 0) { text.Append("None of your reply could be placed on an action automatically.\n"); html.Append("<p>None of your reply could be placed on an action automatically.</p>"); }
        else
        {
            text.Append("Above is exactly what was stored for each action from your email. If anything is missing or should not be there, correct it in the form.\n");
            html.Append("<p>Above is exactly what was stored for each action from your email. If anything is missing or should not be there, correct it in the form.</p>");
        }
        foreach (var n in needsRealUpdate ?? [])
        {
            text.Append($"\nAction {n}: you said there was no change, but there is no earlier update to carry forward. Please send a real update for it.\n");
            html.Append($"<p>Action {n}: you said there was no change, but there is no earlier update to carry forward. Please send a real update for it.</p>");
        }
        if (unassigned.Length > 0)
        {
            text.Append($"\nWe could not tell which action this part is about, so it is waiting for you to place it in the form ({formUrl}):\n{unassigned}\n" +
                        "Tip: start each action's part with its number, for example \"Action 9:\".\n");
            html.Append($"<p>We could not tell which action this part is about, so it is waiting for you to <a href=\"{E(formUrl)}\">place it in the form</a>:</p><blockquote>{Paragraphs(unassigned)}</blockquote>" +
                        "<p>Tip: start each action's part with its number, for example \"Action 9:\".</p>");
        }
        if (evidence.Count > 0)
        {
            text.Append("\nAttachments kept as evidence: " + string.Join(", ", evidence) + "\n");
            html.Append("<p>Attachments kept as evidence: " + E(string.Join(", ", evidence)) + "</p>");
        }
        return Confirmation(context, captured, formUrl, "by email", text.ToString(), html.ToString());
    }

    public static OutgoingMail FreshLink(Contact contact, Plan plan, ReportingRound round, string formUrl, DateTimeOffset expires) => Automatic(
        new(contact.Name, contact.Email), $"Your new progress link: {plan.Name}, {round.Id}",
        new StringBuilder($"Here is a new link to your progress form for {plan.Name}, {round.Id}. It works until {expires.UtcDateTime:d MMMM yyyy}.\n\n{formUrl}\n"),
        new StringBuilder($"<p>Here is a new link to your progress form for {E(plan.Name)}, {E(round.Id)}. It works until {expires.UtcDateTime:d MMMM yyyy}.</p><p><a href=\"{E(formUrl)}\">Open your progress form</a></p>"));

    public static OutgoingMail HeldForReview(Contact manager, Plan plan, string leadName, string sender, string subject, string archiveBlob, string reason) => Automatic(
        new(manager.Name, manager.Email), $"Reply held for review: {leadName}",
        new StringBuilder($"A reply to {leadName}'s reminder came from {sender}. It has not been applied and the sender was told nothing.\nWhy: {reason}\nSubject: {subject}\nArchived as: {archiveBlob}\n"),
        new StringBuilder($"<p>A reply to {E(leadName)}'s reminder came from {E(sender)}. It has not been applied and the sender was told nothing.</p><p>Why: {E(reason)}</p><p>Subject: {E(subject)}<br>Archived as: {E(archiveBlob)}</p>"));

    public static OutgoingMail Away(MailAddressee to, Plan plan, Lead lead, Contact away, DateOnly? until) => Automatic(
        to, $"{away.Name} is away: {lead.Name}",
        new StringBuilder($"{away.Name} ({lead.Name}) sent an automatic reply to the progress reminder for {plan.Name}. " +
                          (until is { } d ? $"Chasing them is paused until {d:d MMMM yyyy}." : "It did not say when they are back.") + " Could you send the update or ask a colleague to?\n"),
        new StringBuilder($"<p>{E(away.Name)} ({E(lead.Name)}) sent an automatic reply to the progress reminder for {E(plan.Name)}. " +
                          (until is { } d2 ? $"Chasing them is paused until {d2:d MMMM yyyy}." : "It did not say when they are back.") + " Could you send the update or ask a colleague to?</p>"));

    public static OutgoingMail Refused(string to, string subject, string reason) => Automatic(
        new(to, to), "Re: " + subject, new StringBuilder(reason + "\n"), new StringBuilder("<p>" + E(reason) + "</p>"));

    private static OutgoingMail Automatic(MailAddressee to, string subject, StringBuilder text, StringBuilder html) =>
        new(to, subject, text.ToString(), "<!doctype html><html lang=\"en-GB\"><body>" + html + "</body></html>") { Headers = OutgoingMail.AutomaticHeaders };

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Paragraphs(string text) => E(text).Replace("\n", "<br>");
}
