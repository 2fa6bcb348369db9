using CspFunctions.Plans;
using CspFunctions.Responses;

namespace CspFunctions.Chasing;

/// <summary>The personal form link and the per-lead, per-round reply address a reminder carries.</summary>
public sealed class ReminderLinks(LinkSigner signer, string publicBaseUrl, byte[] replyKey, string inboundDomain, TimeSpan grace)
{
    public static readonly TimeSpan DefaultGrace = ResponseLinks.DefaultGrace;

    public string InboundDomain => inboundDomain;

    public string FormUrl(ReportingRound round, string leadId, Contact contact)
    {
        var expires = ResponseLinks.ExpiryFor(round, grace);
        var token = signer.Create(new LinkClaims(LinkClaims.RespondPurpose, round.PlanId, round.Id, leadId, contact.Email, expires.ToUnixTimeSeconds()));
        return ResponseLinks.FormUrl(publicBaseUrl, token);
    }

    public string ReplyKey(ReportingRound round, string leadId) => ReplyAddress.KeyFor(replyKey, round.PlanId, round.Id, leadId);

    public string ReplyTo(ReportingRound round, string leadId) => ReplyAddress.For(ReplyKey(round, leadId), inboundDomain);

    /// <summary>A Message-ID for one reminder, at the inbound domain, so a reply's In-Reply-To can be traced.</summary>
    public string MessageId(ReportingRound round, string leadId, string stageId) =>
        $"csp.{ReplyKey(round, leadId)}.{stageId}.{Guid.NewGuid():N}@{inboundDomain}";
}
