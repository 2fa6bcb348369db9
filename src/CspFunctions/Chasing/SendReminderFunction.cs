using Azure.Storage.Queues.Models;
using CspFunctions.Chasing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Chasing;

public sealed class SendReminderFunction(ReminderSender sender, ILogger<SendReminderFunction> logger)
{
    public const string QueueName = "cspreminders";

    /// <summary>One reminder per message. The message id is the claimant in the reminder log, so a redelivery of the
    /// same message after a crash may finish the send while a duplicate message from a second sweep may not.</summary>
    [Function("SendReminder")]
    public async Task Run([QueueTrigger(QueueName)] QueueMessage message, CancellationToken ct)
    {
        var request = ReminderRequest.Parse(message.Body.ToString());
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["CorrelationId"] = request.CorrelationId, ["PlanId"] = request.PlanId, ["RoundId"] = request.RoundId,
            ["LeadId"] = request.LeadId, ["Stage"] = request.StageId, ["Channel"] = request.Channel, ["MessageId"] = message.MessageId,
        });
        var outcome = await sender.HandleAsync(request, message.MessageId, ct);
        logger.LogInformation("Reminder {Stage} {Channel} for {LeadId}: {Outcome} (attempt {DequeueCount})", request.StageId, request.Channel, request.LeadId, outcome, message.DequeueCount);
    }
}
