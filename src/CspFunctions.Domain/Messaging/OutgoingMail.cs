namespace CspFunctions.Messaging;

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
