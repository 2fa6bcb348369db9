using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Chasing;

/// <summary>The weekly digest to each plan's managers of who is outstanding, claimed in the reminder log so it goes once.</summary>
public sealed class DigestSender(IPlanStore plans, IProgressStore progress, IReminderLog log, IMailSender mail, TimeProvider clock, ChasingPolicy policy)
{
    public async Task<int> RunAsync(string claimantId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!LondonClock.IsSendingWindow(now, policy)) return 0;
        var today = LondonClock.DateOf(now);
        var sent = 0;
        foreach (var planId in await plans.ListPlanIdsAsync(ct))
        {
            var stored = await plans.GetAsync(planId, ct);
            if (stored is null) continue;
            foreach (var round in stored.Rounds.Where(r => r.State == RoundState.Open))
            {
                var latest = (await progress.GetRoundAsync(planId, round.Id, ct)).Latest();
                if (ChasePlanner.WeeklyDigest(stored.Plan, round, latest, today, policy) is not { } digest || digest.Recipients.Count == 0) continue;
                var key = $"_managers|digest-{today:yyyy-MM-dd}|{ReminderChannel.Email}";
                if (await log.ClaimAsync(planId, round.Id, key, claimantId, ct) != ClaimOutcome.Claimed) continue;
                try
                {
                    foreach (var manager in digest.Recipients) await mail.SendAsync(ReminderComposer.Digest(stored.Plan, round, digest, manager), ct);
                    await log.MarkAsync(planId, round.Id, key, ReminderState.Sent, null, ct);
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await log.MarkAsync(planId, round.Id, key, ReminderState.Failed, ex.Message, CancellationToken.None);
                    throw;
                }
            }
        }
        return sent;
    }
}
