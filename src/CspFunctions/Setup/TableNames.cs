namespace CspFunctions.Setup;

/// <summary>Table, queue and container names. A prefix lets several deployments or test runs share one account.</summary>
public sealed record TableNames(string Prefix)
{
    public string Plans => Prefix + "plans";
    public string PlanIndex => Prefix + "planindex";
    public string Updates => Prefix + "updates";
    public string ReminderLog => Prefix + "reminderlog";
    public string ContactHealth => Prefix + "contacthealth";

    /// <summary>Blob container of raw inbound e-mail, named yyyy/MM/dd/{id}.eml by UTC received date (Retention/).</summary>
    public string InboundMail => Prefix + "inbound";

    /// <summary>The reminder queue. The queue trigger names it as a constant (<see cref="Chasing.SendReminderFunction.QueueName"/>),
    /// so in a deployment the prefix stays "csp"; tests use their own prefix and drive the sender directly.</summary>
    public string ReminderQueue => Prefix + "reminders";
    public string ReminderPoisonQueue => ReminderQueue + "-poison";

    public IEnumerable<string> All => [Plans, PlanIndex, Updates, ReminderLog, ContactHealth, InboundMail];

    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 1 and <= 20 && char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit);
}
