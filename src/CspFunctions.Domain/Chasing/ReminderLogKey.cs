namespace CspFunctions.Chasing;

/// <summary>
/// The reminder log's keys. "{lead}|{stage}|{channel}" sums up "this lead was sent this stage on this channel" (what the
/// sweep checks); "{lead}|{stage}|{channel}|{contact}" is one contact's send, claimed and recorded on its own, so one
/// contact's failure neither repeats nor blocks the others. Neither names the plan or round, so a key is unique only
/// within one round's partition of the log.
/// </summary>
public static class ReminderLogKey
{
    public static string For(string leadId, ChaseStageKey stage, string channel) => $"{leadId}|{stage.Id}|{channel}";

    /// <summary>The contact part is the lower-cased address, escaped so that it is a valid table key (no / \ # ? or |).</summary>
    public static string ForContact(string leadKey, string email) => $"{leadKey}|{Uri.EscapeDataString(email.Trim().ToLowerInvariant())}";

    /// <summary>The e-mail address in a contact key's last part.</summary>
    public static string ContactOf(string part) => Uri.UnescapeDataString(part);
}
