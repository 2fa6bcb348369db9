using CspFunctions.Observability;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Chasing;

public sealed class ChaseSweepTimer(ChaseSweep sweep, ILogger<ChaseSweepTimer> logger)
{
    /// <summary>Hourly 07:00-10:00 UTC on weekdays: covers the 08:00-11:00 London window in both GMT and BST;
    /// the sweep itself checks the London time and bank holidays.</summary>
    [Function("ChaseSweep")]
    public async Task Run([TimerTrigger("0 0 7-10 * * 1-5")] TimerInfo timer, CancellationToken ct)
    {
        // The correlation id starts here and travels in every queue message to the send.
        var correlation = CorrelationId.New();
        using var operation = logger.BeginCspOperation("ChaseSweep", new LogIds { Correlation = correlation });
        var result = await sweep.RunAsync(correlation.Value, ct);
        logger.LogInformation("Chase sweep (past due: {IsPastDue}): {Plans} plans, {RoundsOpened} rounds opened, {Enqueued} reminders enqueued; {Notes}",
            timer.IsPastDue, result.Plans, result.RoundsOpened, result.Enqueued, string.Join("; ", result.Notes));
    }
}
