namespace CspFunctions.Reporting;

/// <summary>The board's Teams channel (a Workflows webhook). Throws <see cref="Messaging.MessagingException"/> when it
/// refuses for good, or the last transient error once retries are spent.</summary>
public interface IBoardChannel
{
    bool IsConfigured { get; }
    Task PostAsync(string messageJson, CancellationToken ct = default);
}
