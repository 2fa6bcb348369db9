namespace CspFunctions.Messaging;

/// <summary>A permanent refusal by a provider: retrying will not help.</summary>
public sealed class MessagingException(string message, int? statusCode = null) : Exception(message)
{
    public int? StatusCode { get; } = statusCode;
}
