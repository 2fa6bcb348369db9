using System.Text.Json;
using CspFunctions.Reporting;
using MimeKit;

namespace CspFunctions.Messaging;

/// <summary>With no SendGrid key or Graph credentials configured, mail is written as .eml files and Teams
/// notifications as .json files here, and the local host lists them. With an outbox path set and no board webhook, the
/// board's Adaptive Card message is written to "board/" as the webhook would have received it.</summary>
public sealed class LocalOutbox(string root, TimeProvider clock) : IMailSender, ITeamsNotifier, IBoardChannel
{
    public string MailFolder => Path.Combine(root, "mail");
    public string TeamsFolder => Path.Combine(root, "teams");
    public string BoardFolder => Path.Combine(root, "board");

    public bool IsConfigured => true;

    public async Task PostAsync(string messageJson, CancellationToken ct = default)
    {
        using (JsonDocument.Parse(messageJson)) { } // what the webhook would refuse is refused here too
        Directory.CreateDirectory(BoardFolder);
        await File.WriteAllTextAsync(Path.Combine(BoardFolder, FileName("board-card", "json")), messageJson, ct);
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Community Safety Partnership", "csp@localhost.example"));
        message.To.Add(new MailboxAddress(mail.To.Name, mail.To.Email));
        foreach (var cc in mail.Cc) message.Cc.Add(new MailboxAddress(cc.Name, cc.Email));
        if (mail.ReplyTo is { } replyTo) message.ReplyTo.Add(new MailboxAddress(replyTo.Name, replyTo.Email));
        message.Subject = mail.Subject;
        message.Date = clock.GetUtcNow();
        if (mail.MessageId is not null) message.MessageId = mail.MessageId;
        foreach (var (name, value) in mail.Headers) message.Headers.Add(name, value);
        foreach (var (name, value) in mail.CustomArgs) message.Headers.Add("X-Csp-" + name, value);
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        Directory.CreateDirectory(MailFolder);
        await message.WriteToAsync(Path.Combine(MailFolder, FileName(mail.To.Email, "eml")), ct);
    }

    public async Task NotifyAsync(TeamsActivity activity, CancellationToken ct = default)
    {
        Directory.CreateDirectory(TeamsFolder);
        await File.WriteAllTextAsync(Path.Combine(TeamsFolder, FileName(activity.ActivityType, "json")),
            JsonSerializer.Serialize(activity, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), ct);
    }

    private string FileName(string subject, string extension)
    {
        var safe = new string(subject.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '@' ? c : '_').ToArray());
        return $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{safe}-{Guid.NewGuid().ToString("N")[..6]}.{extension}";
    }
}
