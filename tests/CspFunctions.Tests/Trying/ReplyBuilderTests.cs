using CspFunctions.LocalHost.Replies;
using CspFunctions.Responses;
using MimeKit;

namespace CspFunctions.Tests.Trying;

public sealed class ReplyBuilderTests
{
    private static MimeMessage Reminder()
    {
        var reminder = new MimeMessage();
        reminder.From.Add(new MailboxAddress("Community Safety Partnership", "csp@localhost.example"));
        reminder.To.Add(new MailboxAddress("Kate Delaney", "kate@example.org"));
        reminder.ReplyTo.Add(new MailboxAddress("CSP updates", "r-abc123@reply.localhost.example"));
        reminder.Subject = "Progress update needed: Luton CSP 2026-27 Q2";
        reminder.MessageId = "csp.abc123.opening.1@reply.localhost.example";
        reminder.Date = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        reminder.Body = new TextPart("plain") { Text = "Please give your update for action 1.\nYour form: http://localhost:7071/api/respond/x" };
        return reminder;
    }

    [Fact]
    public void The_reply_threads_to_the_reminder_and_quotes_it_as_Outlook_does()
    {
        var reply = ReplyBuilder.Build(Reminder(), new ReplyDraft("The strategy was signed off in October.", "Kind regards\nKate Delaney\nLuton Borough Council"),
            new DateTimeOffset(2026, 12, 3, 10, 15, 0, TimeSpan.Zero));

        Assert.Equal("r-abc123@reply.localhost.example", Assert.Single(reply.To.Mailboxes).Address);
        Assert.Equal("kate@example.org", Assert.Single(reply.From.Mailboxes).Address);
        Assert.Equal("RE: Progress update needed: Luton CSP 2026-27 Q2", reply.Subject);
        Assert.Equal("csp.abc123.opening.1@reply.localhost.example", reply.InReplyTo);
        Assert.Contains("csp.abc123.opening.1@reply.localhost.example", reply.References);
        var text = (reply.TextBody ?? "").Replace("\r\n", "\n");
        Assert.Matches(@"Kind regards\nKate Delaney\nLuton Borough Council\n\n_{32}\nFrom: ""Community Safety Partnership"" <csp@localhost.example>\nSent: 02 December 2026 09:00\nTo: ""Kate Delaney"" <kate@example.org>\nSubject: Progress update needed", text);
        Assert.Contains("Please give your update for action 1.", text);
        // The app's own reply reading keeps the new text and drops the quoted reminder, then the sign-off and signature.
        Assert.Equal("The strategy was signed off in October.", ReplyCleaner.Clean(ReplyText.Extract(reply.TextBody), ["Kate Delaney"]));
    }

    [Fact]
    public void The_out_of_office_is_one_the_app_recognises_with_its_return_date()
    {
        var sent = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        var reply = ReplyBuilder.OutOfOffice(Reminder(), new DateOnly(2027, 1, 11), sent);

        Assert.True(AutoReply.IsAutoReply(reply));
        Assert.Equal(new DateOnly(2027, 1, 11), AutoReply.ReturnDate(reply.TextBody, sent));
        Assert.Equal("csp.abc123.opening.1@reply.localhost.example", reply.InReplyTo);
    }

    [Theory]
    [InlineData("", null, "Write the reply's text")]
    [InlineData("   \n ", null, "Write the reply's text")]
    [InlineData("Done.", "not an address", "is not an email address")]
    public void A_draft_that_cannot_be_sent_says_why(string body, string? from, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ReplyBuilder.Build(Reminder(), new ReplyDraft(body, FromEmail: from), DateTimeOffset.UtcNow));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_message_with_no_address_to_reply_to_says_so()
    {
        var orphan = new MimeMessage { Subject = "x", Body = new TextPart("plain") { Text = "x" } };
        orphan.To.Add(new MailboxAddress("Kate", "kate@example.org"));
        var error = Assert.Throws<ArgumentException>(() => ReplyBuilder.Build(orphan, new ReplyDraft("Done."), DateTimeOffset.UtcNow));
        Assert.Contains("no Reply-To or From address", error.Message);
    }
}
