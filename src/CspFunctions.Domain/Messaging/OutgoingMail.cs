namespace CspFunctions.Messaging;

public sealed record MailAddressee(string Name, string Email);

/// <summary>An email the system sends. Bodies are already rendered; <see cref="CustomArgs"/> travel with the
/// message to SendGrid's event webhook; <see cref="Headers"/> are extra MIME headers.</summary>
public sealed record OutgoingMail(
    MailAddressee To,
    string Subject,
    string TextBody,
    string HtmlBody)
{
    public IReadOnlyList<MailAddressee> Cc { get; init; } = [];
    public MailAddressee? ReplyTo { get; init; }
    public IReadOnlyDictionary<string, string> CustomArgs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    /// <summary>Our Message-ID (without angle brackets), so replies can be matched through In-Reply-To.</summary>
    public string? MessageId { get; init; }

    /// <summary>Headers every automatic message carries, so auto-responders stay quiet.</summary>
    public static readonly IReadOnlyDictionary<string, string> AutomaticHeaders = new Dictionary<string, string>
    {
        ["Auto-Submitted"] = "auto-generated",
        ["X-Auto-Response-Suppress"] = "All",
    };
}

public interface IMailSender
{
    /// <summary>Sends one message. Throws <see cref="MessagingException"/> when the provider refuses it for good
    /// (bad address, bad request) and lets transient failures escape after retries, so a queue retries them.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

/// <summary>A Teams activity-feed notification (Graph sendActivityNotificationToRecipients).</summary>
public sealed record TeamsActivity(
    IReadOnlyList<string> RecipientUserIds,
    string ActivityType,
    string PreviewText,
    string WebUrl,
    IReadOnlyDictionary<string, string> TemplateParameters);

public interface ITeamsNotifier
{
    /// <summary>Sends to every recipient, in Graph calls of at most 100 recipients each.</summary>
    Task NotifyAsync(TeamsActivity activity, CancellationToken ct = default);
}

/// <summary>A permanent refusal by a provider: retrying will not help.</summary>
public sealed class MessagingException(string message, int? statusCode = null) : Exception(message)
{
    public int? StatusCode { get; } = statusCode;
}
