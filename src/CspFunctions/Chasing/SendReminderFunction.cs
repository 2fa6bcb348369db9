using Azure.Storage.Queues.Models;
using CspFunctions.Observability;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CspFunctions.Chasing;

public sealed class SendReminderFunction(ReminderSender sender, CspTelemetry telemetry, IOptions<QueueOptions> queues, ILogger<SendReminderFunction> logger)
{
    /// <summary>host.json's extensions.queues.maxDequeueCount: after this many failed attempts the host parks the message.</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>One reminder per message. The message id is the claimant in the reminder log, so a redelivery of the
    /// same message after a crash may finish the send while a duplicate message from a second sweep may not.</summary>
    [Function("SendReminder")]
    public async Task Run([QueueTrigger(QueueOptions.RemindersBinding)] QueueMessage message, CancellationToken ct)
    {
        ReminderRequest request;
        try { request = ReminderRequest.Parse(message.Body.ToString()); }
        catch (FormatException ex) when (message.DequeueCount >= MaxDequeueCount)
        {
            telemetry.PoisonMessage(QueueOptions.Poison(queues.Value.Reminders));
            logger.LogError(ex, "A queue message that is not a reminder failed for the last time; it goes to the poison queue");
            throw;
        }
        var ids = new LogIds
        {
            PlanId = request.PlanId, RoundId = request.RoundId, LeadId = request.LeadId, MessageId = message.MessageId,
            Correlation = CorrelationId.FromMessage(request.CorrelationId),
        };
        using var operation = logger.BeginCspOperation("SendReminder", ids, System.Diagnostics.ActivityKind.Consumer);
        try
        {
            var outcome = await sender.HandleAsync(request, message.MessageId, ct);
            if (outcome == ReminderOutcome.Sent) telemetry.ReminderSent(request.StageId, request.Channel);
            logger.LogInformation("Reminder {Stage} {Channel}: {Outcome} (attempt {DequeueCount})", request.StageId, request.Channel, outcome, message.DequeueCount);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && message.DequeueCount >= MaxDequeueCount)
        {
            // The runtime parks this message in the poison queue after this attempt; count it for alerting.
            telemetry.PoisonMessage(QueueOptions.Poison(queues.Value.Reminders));
            logger.LogError(ex, "Reminder {Stage} {Channel} failed for the last time; it goes to the poison queue", request.StageId, request.Channel);
            throw;
        }
    }
}
