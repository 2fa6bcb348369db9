namespace CspFunctions.Setup;

/// <summary>Section "Csp:SendGrid", the parts every feature shares: the reply domain reminders put in Reply-To and the
/// inbound processor matches on, and the two webhook verification keys.</summary>
public sealed class SendGridOptions
{
    public const string Section = "Csp:SendGrid";
    public const string DefaultInboundDomain = "reply.localhost.example";

    public string InboundDomain { get; set; } = DefaultInboundDomain;
    public string? EventWebhookPublicKey { get; set; }
    public string? InboundParsePublicKey { get; set; }
    /// <summary>A reply counts as a contact's only when SendGrid's SPF or DKIM results verify its From domain; false only for a trial tenant.</summary>
    public bool RequireSenderAuthentication { get; set; } = true;
}
