namespace CspFunctions.Messaging;

public interface ITeamsNotifier
{
    /// <summary>Sends to every recipient, in Graph calls of at most 100 recipients each.</summary>
    Task NotifyAsync(TeamsActivity activity, CancellationToken ct = default);
}
