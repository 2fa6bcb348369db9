namespace CspFunctions.Setup;

/// <summary>Table, queue and container names. A prefix lets several deployments or test runs share one account.</summary>
public sealed record TableNames(string Prefix)
{
    public string Plans => Prefix + "plans";
    public string PlanIndex => Prefix + "planindex";
    public string Updates => Prefix + "updates";
    public string ReminderLog => Prefix + "reminderlog";
    public string ContactHealth => Prefix + "contacthealth";
    public string Publications => Prefix + "publications";

    /// <summary>Blob container of raw inbound e-mail, named yyyy/MM/dd/{id}.eml by UTC received date (Retention/).</summary>
    public string InboundMail => Prefix + "inbound";
    /// <summary>Blob container of published report snapshots.</summary>
    public string Reports => Prefix + "reports";

    /// <summary>The reminder queue. The queue trigger names it as a constant (<see cref="Chasing.SendReminderFunction.QueueName"/>),
    /// so in a deployment the prefix stays "csp"; tests use their own prefix and drive the sender directly.</summary>
    public string ReminderQueue => Prefix + "reminders";
    public string ReminderPoisonQueue => ReminderQueue + "-poison";
    /// <summary>The chasing feature's poison queue, listed on the manager pages.</summary>
    public string RemindersPoison => ReminderPoisonQueue;

    public IEnumerable<string> All => [Plans, PlanIndex, Updates, ReminderLog, ContactHealth, Publications, InboundMail];

    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 1 and <= 20 && char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit);
}
