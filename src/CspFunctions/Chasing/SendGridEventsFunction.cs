using CspFunctions.Access;
using System.Text.Json;
using CspFunctions.Http;
using CspFunctions.Messaging;
using CspFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Chasing;

/// <summary>SendGrid's Event Webhook: bounces and drops mark the contact for the manager. Unsigned or tampered
/// posts get 401 and change nothing.</summary>
public sealed class SendGridEventsFunction(SendGridEventWebhook webhook, TableContactHealth contacts, ILogger<SendGridEventsFunction> logger)
{
    public const long MaxBodyBytes = 5 * 1024 * 1024;

    [Function("SendGridEvents")]
    [Access(RouteAccess.FunctionKey, KeyName = "sendgrid-event-webhook")]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "sendgrid/events")] HttpRequest request, CancellationToken ct)
    {
        byte[] body;
        try
        {
            using var buffer = await BodyReader.ReadLimitedAsync(request, MaxBodyBytes, ct);
            body = buffer.ToArray();
        }
        catch (BodyTooLargeException ex)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, ex.Message);
        }
        if (!webhook.Verify(body, request.Headers[SendGridEventWebhook.SignatureHeader], request.Headers[SendGridEventWebhook.TimestampHeader]))
        {
            logger.LogWarning("SendGrid event webhook post rejected: missing or invalid signature (configured: {Configured})", webhook.IsConfigured);
            return Problems.Status(StatusCodes.Status401Unauthorized, "The event webhook signature is missing or does not verify.");
        }
        IReadOnlyList<ContactProblem> problems;
        try { problems = SendGridEventWebhook.Problems(body); }
        catch (JsonException ex)
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "The events are not a JSON array of SendGrid events.", ex.Message);
        }
        await contacts.RecordAsync(problems, ct);
        logger.LogInformation("SendGrid events: {Problems} bounce/drop events recorded", problems.Count);
        return new OkObjectResult(new { recorded = problems.Count });
    }
}
