namespace CspFunctions.Responses;

/// <summary>What came with an inbound message besides its bytes: the envelope recipients and SendGrid's
/// sender-authentication results.</summary>
public sealed record InboundEnvelope(IReadOnlyList<string> To, SenderAuthentication Authentication)
{
    public static readonly InboundEnvelope None = new([], SenderAuthentication.None);
}
