using CspFunctions.Chasing;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The mail a forwarded reply sends each contact of its lead (Workbench/Templates/forwarded-reply.*.sbn, in the one
/// mail layout): the reply's text quoted, the lead's actions (a restricted action by its number only, never its text), and
/// the contact's own signed form link, where the same text waits for them.</summary>
public static class ForwardedReplyMail
{
    public static OutgoingMail Compose(Plan plan, ReportingRound round, Lead lead, WaitingReply reply, Contact contact, string forwardedBy, string formUrl, string replyTo)
    {
        var subject = $"A reply about {lead.Name}'s {ReminderComposer.RoundName(round)} update needs you";
        var text = reply.Text ?? "";
        var model = new
        {
            RecipientName = contact.Name,
            PlanName = plan.Name,
            RoundName = ReminderComposer.RoundName(round),
            DueDate = ReminderComposer.LongDate(round.DueDateFor(lead.Id)),
            LeadName = lead.Name,
            From = reply.From ?? "an unknown sender",
            Received = ManagerText.DateTime(reply.ReceivedAt),
            ForwardedBy = forwardedBy,
            QuotedLines = text.Replace("\r\n", "\n").Split('\n').Select(l => ("> " + l).TrimEnd()).ToList(),
            QuotedBlocks = TextBlocks.Parse(text),
            Actions = plan.ActionsLedBy(lead.Id).Select(a => new { a.Ref, a.Restricted, Text = a.Restricted ? null : a.Text }).ToList(),
            FormUrl = formUrl,
        };
        var footer = new MailFooter(MailFooter.OnBehalfOf(plan), $"You got this because you are a contact for {lead.Name} and the CSP manager forwarded a reply to you.",
            $"If you are no longer the right person, reply saying so{(plan.Managers.FirstOrDefault() is { } m ? $" or write to {m.Email}" : "")}.");
        var (textBody, html) = MailRenderer.Render("forwarded-reply", model, subject, footer);
        return new OutgoingMail(new MailAddressee(contact.Name, contact.Email), subject, textBody, html)
        {
            ReplyTo = new MailAddressee("Community Safety Partnership updates", replyTo),
            Headers = OutgoingMail.AutomaticHeaders,
            CustomArgs = new Dictionary<string, string> { ["plan"] = plan.Id, ["round"] = round.Id, ["lead"] = lead.Id, ["stage"] = "forwarded-reply" },
        };
    }
}
