namespace CspFunctions.Responses;

/// <summary>Another delivery of the same message is still being processed; answer 5xx so SendGrid delivers it again later.</summary>
public sealed class InboundBusyException(string id) : Exception($"Inbound message {id} is being processed by another delivery; try again later.");
