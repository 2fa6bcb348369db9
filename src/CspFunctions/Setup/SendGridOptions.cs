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
}
