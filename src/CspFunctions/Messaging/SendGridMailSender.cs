using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CspFunctions.Messaging;

/// <summary>Sends through SendGrid's real client. Permanent refusals (4xx other than 429) become
/// <see cref="MessagingException"/>; transient ones escape as <see cref="HttpRequestException"/> so the queue retries.</summary>
public sealed class SendGridMailSender(ISendGridClient client, SendGridSettings settings, ILogger<SendGridMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(settings.FromEmail, settings.FromName),
            Subject = mail.Subject,
            PlainTextContent = mail.TextBody,
            HtmlContent = mail.HtmlBody,
        };
        message.AddTo(new EmailAddress(mail.To.Email, mail.To.Name));
        foreach (var cc in mail.Cc.Where(c => !string.Equals(c.Email, mail.To.Email, StringComparison.OrdinalIgnoreCase)))
            message.AddCc(new EmailAddress(cc.Email, cc.Name));
        if (mail.ReplyTo is { } replyTo) message.SetReplyTo(new EmailAddress(replyTo.Email, replyTo.Name));
        foreach (var (name, value) in mail.Headers) message.AddHeader(name, value);
        if (mail.MessageId is { } id) message.AddHeader("Message-ID", $"<{id}>");
        foreach (var (name, value) in mail.CustomArgs) message.AddCustomArg(name, value);
        if (settings.SandboxMode) message.SetSandBoxMode(true);

        var response = await client.SendEmailAsync(message, ct);
        if (response.IsSuccessStatusCode) return;
        var status = (int)response.StatusCode;
        var body = await response.Body.ReadAsStringAsync(ct);
        logger.LogWarning("SendGrid refused a message ({Status}) for custom args {CustomArgs}", status, string.Join(",", mail.CustomArgs.Select(a => a.Key + "=" + a.Value)));
        if (ProviderRetryHandler.IsTransient(response.StatusCode))
            throw new HttpRequestException($"SendGrid answered {status} after retries; the message will be retried.", null, response.StatusCode);
        throw new MessagingException($"SendGrid refused the message ({status}): {Truncate(body)}", status);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
