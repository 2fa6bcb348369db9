using CspFunctions.Chasing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Chasing;

public sealed class WeeklyDigestTimer(DigestSender digests, ILogger<WeeklyDigestTimer> logger)
{
    /// <summary>Weekday mornings; the digest goes on the plan's digest day (or the next working day), once.</summary>
    [Function("WeeklyDigest")]
    public async Task Run([TimerTrigger("0 30 7-10 * * 1-5")] TimerInfo timer, CancellationToken ct)
    {
        var sent = await digests.RunAsync(Guid.NewGuid().ToString("N"), ct);
        logger.LogInformation("Weekly digest: {Sent} digests sent (past due: {IsPastDue})", sent, timer.IsPastDue);
    }
}
