using Azure.Storage.Queues.Models;
using CspFunctions.Observability;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Reporting;

/// <summary>Tells the board that a round was published: one message, written at the publication's commit.</summary>
public sealed class SendBoardNoticesFunction(ReportPublisher publisher, ILogger<SendBoardNoticesFunction> logger)
{
    /// <summary>The message id is the claimant in the reminder log, so a redelivery may finish a notice but never sends it twice.</summary>
    [Function("SendBoardNotices")]
    public async Task Run([QueueTrigger(QueueOptions.BoardNoticesBinding)] QueueMessage message, CancellationToken ct)
    {
        var request = BoardNoticeRequest.Parse(message.Body.ToString());
        using var operation = logger.BeginCspOperation("SendBoardNotices", new LogIds { PlanId = request.PlanId, RoundId = request.RoundId, MessageId = message.MessageId, Correlation = CorrelationId.New() },
            System.Diagnostics.ActivityKind.Consumer);
        var publication = await publisher.SendNoticesAsync(request.PlanId, request.RoundId, request.BaseUrl, message.MessageId, ct);
        logger.LogInformation("Board notices for {PlanId} {RoundId}: board {Board}, members {Members}", request.PlanId, request.RoundId, publication.BoardNotice, publication.MemberNotice);
    }
}
