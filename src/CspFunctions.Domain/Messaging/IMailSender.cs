namespace CspFunctions.Messaging;

public interface IMailSender
{
    /// <summary>Sends one message. Throws <see cref="MessagingException"/> when the provider refuses it for good
    /// (bad address, bad request) and lets transient failures escape after retries, so a queue retries them.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}
