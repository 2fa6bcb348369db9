using CspFunctions.Chasing;
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
        var correlationId = Guid.NewGuid().ToString("N");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
        var result = await sweep.RunAsync(correlationId, ct);
        logger.LogInformation("Chase sweep {CorrelationId} (past due: {IsPastDue}): {Plans} plans, {RoundsOpened} rounds opened, {Enqueued} reminders enqueued; {Notes}",
            correlationId, timer.IsPastDue, result.Plans, result.RoundsOpened, result.Enqueued, string.Join("; ", result.Notes));
    }
}
