using CspFunctions.Observability;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Retention;

public sealed class RetentionTimer(InboundMailPurger purger, ILogger<RetentionTimer> logger)
{
    /// <summary>02:30 UTC daily: after midnight in London all year, and well clear of the morning chasing timers.</summary>
    public const string Schedule = "0 30 2 * * *";

    [Function("RetentionTimer")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken ct)
    {
        using var operation = logger.BeginCspOperation("InboundMailRetention", new LogIds { Correlation = CorrelationId.New() });
        if (timer.IsPastDue) logger.LogInformation("Retention timer is running late (past due); it deletes by date, so it catches up in one run");
        await purger.PurgeAsync(ct);
    }
}
