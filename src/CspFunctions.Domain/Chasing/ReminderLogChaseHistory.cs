namespace CspFunctions.Chasing;

/// <summary>The reports' "when the lead was chased", read from the reminder log: the reminders actually sent.</summary>
public sealed class ReminderLogChaseHistory(IReminderLog log) : IChaseHistory
{
    public async Task<IReadOnlyList<ChaseRecord>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default) =>
        (await log.GetRoundAsync(planId, roundId, ct))
            .Where(r => r.State == ReminderState.Sent && r.Contact is null && !r.LeadId.StartsWith('_'))
            .Select(r => new ChaseRecord(r.LeadId, r.StageId, r.Channel, r.At))
            .ToList();
}
