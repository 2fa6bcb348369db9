using CspFunctions.Access;
using CspFunctions.Http;
using CspFunctions.Messaging;
using CspFunctions.Observability;
using CspFunctions.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Responses;

/// <summary>
/// SendGrid Inbound Parse (raw or parsed mode). Answers 2xx only once the message is archived; any failure before that
/// is a 5xx so SendGrid retries (it drops 4xx silently), and so is a second delivery that arrives while the first is still
/// being processed (503). The only 4xx is for a body over 32 MB, which SendGrid never sends.
/// </summary>
public sealed class InboundSendGridFunction(InboundMailProcessor processor, InboundParseSignature signature, CspTelemetry telemetry, ILogger<InboundSendGridFunction> logger)
{
    [Function("InboundSendGrid")]
    [Access(RouteAccess.FunctionKey, KeyName = "sendgrid-inbound-parse")]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "inbound/sendgrid")] HttpRequest request, CancellationToken ct)
    {
        try
        {
            await using var post = await InboundPost.ReadAsync(request, ct);
            // Where SendGrid's signed webhook is configured, an unsigned or tampered post is archived and rejected (the
            // manager can still see it), and answered 401: it did not come from SendGrid, which is why a 4xx is safe here.
            var verified = !signature.IsConfigured || signature.Verifier.Verify(post.Body, request.Headers[SendGridEventWebhook.SignatureHeader], request.Headers[SendGridEventWebhook.TimestampHeader]);
            var result = await processor.ReceiveAsync(post.Message, post.Envelope, ct, verified ? null : "The SendGrid webhook signature is missing or does not verify.");
            telemetry.ReplyReceived(result.State.ToString());
            if (post.Mode is "malformed-form" or "no-email" || result.Reason.StartsWith(InboundMailProcessor.UnreadableReason, StringComparison.Ordinal)) telemetry.ParseFailed();
            logger.LogInformation("Inbound message {Id} ({Mode}) ended {State}: {Reason}", result.Id, post.Mode, result.State, result.Reason);
            if (!verified) return Problems.Status(StatusCodes.Status401Unauthorized, "The webhook signature is missing or does not verify.");
            return new JsonResult(new { id = result.Id, state = result.State.ToString(), reason = result.Reason, archive = result.ArchiveBlob, mode = post.Mode }, ApiJson.Options);
        }
        catch (InboundBusyException ex)
        {
            // Another delivery of this Message-ID is still running: 503 makes SendGrid deliver again later, when it will be a duplicate.
            logger.LogInformation("Inbound message busy: {Message}", ex.Message);
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "This message is being processed by another delivery; it will be retried.");
        }
        catch (BodyTooLargeException ex)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, ex.Message, "SendGrid's limit is 30 MB, so this did not come from Inbound Parse.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Inbound message failed; answering 500 so SendGrid delivers it again");
            return Problems.Status(StatusCodes.Status500InternalServerError, "The message could not be processed now; it will be retried.");
        }
    }
}
