using CspFunctions.Plans;
using MimeKit;

namespace CspFunctions.Responses;

/// <summary>What a reply means: its kind, a plain-words reason, and for an update the per-action texts, the text that could
/// not be placed and the attachments to keep as evidence (with the action they go under, 0 when not one action).</summary>
public sealed record ReplyDecision(ReplyKind Kind, string Reason)
{
    /// <summary>The lead's contact the reply is from (null when it is not from one).</summary>
    public Contact? Contact { get; init; }
    /// <summary>The From address as written.</summary>
    public string Sender { get; init; } = "";
    /// <summary>Whether SendGrid's SPF or DKIM results verified the sender's domain.</summary>
    public bool SenderVerified { get; init; }
    /// <summary>Set when the sender was not verified but accepted because sender authentication is relaxed.</summary>
    public string? AuthenticationNote { get; init; }
    public IReadOnlyList<ActionReply> Updates { get; init; } = [];
    public string Unassigned { get; init; } = "";
    public DateOnly? ReturnDate { get; init; }
    public IReadOnlyList<MimePart> Evidence { get; init; } = [];
    public int EvidenceAction { get; init; }
}
