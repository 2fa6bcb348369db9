namespace CspFunctions.Chasing;

/// <summary>
/// The reminder log's key for "this lead was sent this stage on this channel". It does not name the plan or round,
/// so it is unique only within one round's partition of the log.
/// </summary>
public static class ReminderLogKey
{
    public static string For(string leadId, ChaseStageKey stage, string channel) => $"{leadId}|{stage.Id}|{channel}";
}
