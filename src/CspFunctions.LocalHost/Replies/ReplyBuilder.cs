using System.Globalization;
using System.Text;
using MimeKit;

namespace CspFunctions.LocalHost.Replies;

/// <summary>
/// A reply to a reminder as Outlook desktop writes one in plain text: "RE:" subject, In-Reply-To and References to the
/// reminder, addressed to its Reply-To, the lead's text and signature, then the reminder quoted under a line of
/// underscores with its From / Sent / To / Subject block (Outlook does not mark quoted lines).
/// </summary>
public static class ReplyBuilder
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Throws <see cref="ArgumentException"/> with a message for the person typing when the reply cannot be built.</summary>
    public static MimeMessage Build(MimeMessage reminder, ReplyDraft draft, DateTimeOffset sent)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.Body)) throw new ArgumentException("Write the reply's text: an empty reply has no update in it.", nameof(draft));
        var to = reminder.ReplyTo.Mailboxes.FirstOrDefault() ?? reminder.From.Mailboxes.FirstOrDefault()
            ?? throw new ArgumentException("The reminder has no Reply-To or From address to reply to.", nameof(reminder));
        var lead = reminder.To.Mailboxes.FirstOrDefault();
        var fromEmail = string.IsNullOrWhiteSpace(draft.FromEmail) ? lead?.Address : draft.FromEmail.Trim();
        if (fromEmail is null || !MailboxAddress.TryParse(fromEmail, out var fromAddress) || fromAddress.Address.IndexOf('@') < 1)
            throw new ArgumentException($"'{fromEmail}' is not an email address to send the reply from.", nameof(draft));
        var from = new MailboxAddress(string.IsNullOrWhiteSpace(draft.FromName) ? lead?.Name ?? fromAddress.Name : draft.FromName.Trim(), fromAddress.Address);

        var reply = new MimeMessage();
        reply.From.Add(from);
        reply.To.Add(to);
        reply.Subject = Subject(reminder.Subject);
        reply.Date = sent;
        reply.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(from.Domain);
        if (!string.IsNullOrEmpty(reminder.MessageId))
        {
            reply.InReplyTo = reminder.MessageId;
            foreach (var id in reminder.References) reply.References.Add(id);
            reply.References.Add(reminder.MessageId);
        }
        reply.Headers.Add("Thread-Topic", reminder.Subject ?? "");
        reply.Headers.Add("Content-Language", "en-GB");
        reply.Headers.Add("X-Mailer", "Microsoft Outlook 16.0");

        var text = new StringBuilder();
        text.Append(draft.Body.Replace("\r\n", "\n").TrimEnd()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(draft.Signature)) text.Append(draft.Signature.Replace("\r\n", "\n").TrimEnd()).Append("\n\n");
        text.Append('_', 32).Append('\n');
        text.Append("From: ").Append(reminder.From.ToString()).Append('\n');
        text.Append("Sent: ").Append((reminder.Date == default ? sent : reminder.Date).ToString("dd MMMM yyyy HH:mm", British)).Append('\n');
        text.Append("To: ").Append(reminder.To.ToString()).Append('\n');
        if (reminder.Cc.Count > 0) text.Append("Cc: ").Append(reminder.Cc.ToString()).Append('\n');
        text.Append("Subject: ").Append(reminder.Subject).Append("\n\n");
        text.Append((reminder.TextBody ?? "").Replace("\r\n", "\n").TrimEnd()).Append('\n');
        reply.Body = new TextPart("plain") { Text = text.ToString().Replace("\n", "\r\n") };
        return reply;
    }

    /// <summary>An out-of-office reply as Exchange sends one: Auto-Submitted, "Automatic reply:" subject, a return date.</summary>
    public static MimeMessage OutOfOffice(MimeMessage reminder, DateOnly back, DateTimeOffset sent)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var lead = reminder.To.Mailboxes.FirstOrDefault() ?? throw new ArgumentException("The reminder has no recipient to answer for.", nameof(reminder));
        var reply = new MimeMessage();
        reply.From.Add(lead);
        reply.To.Add(reminder.ReplyTo.Mailboxes.FirstOrDefault() ?? reminder.From.Mailboxes.First());
        reply.Subject = "Automatic reply: " + reminder.Subject;
        reply.Date = sent;
        reply.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(lead.Domain);
        if (!string.IsNullOrEmpty(reminder.MessageId)) reply.InReplyTo = reminder.MessageId;
        reply.Headers.Add("Auto-Submitted", "auto-replied");
        reply.Headers.Add("X-Auto-Response-Suppress", "All");
        reply.Body = new TextPart("plain")
        {
            Text = $"Thank you for your email. I am out of the office until {back.ToString("d MMMM yyyy", British)} with limited access to email.\r\n",
        };
        return reply;
    }

    private static string Subject(string? subject)
    {
        var s = subject?.Trim() ?? "";
        return s.StartsWith("RE:", StringComparison.OrdinalIgnoreCase) ? s : "RE: " + s;
    }
}
