using CspFunctions.Messaging;

namespace CspFunctions.Responses;

/// <summary>Sends the response side's emails through the app's <see cref="IMailSender"/> (SendGrid, or the local outbox).
/// A failed acknowledgement never undoes a saved update: the caller gets false and records it.</summary>
public sealed class ResponseMailer(IEnumerable<IMailSender> senders)
{
    private readonly IMailSender? _sender = senders.LastOrDefault();

    public async Task<bool> TrySendAsync(OutgoingMail mail, CancellationToken ct)
    {
        if (_sender is null) return false;
        try
        {
            await _sender.SendAsync(mail, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }
}
