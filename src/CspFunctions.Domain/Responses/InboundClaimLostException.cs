namespace CspFunctions.Responses;

/// <summary>Another delivery took over this message's claim (this one ran past its lease). The caller stops and answers
/// 5xx; the delivery that holds the claim finishes the message.</summary>
public sealed class InboundClaimLostException(string id) : Exception($"Another delivery has taken over inbound message {id}.");
