namespace CspFunctions.Setup;

/// <summary>Table and container names (queue names are settings: <see cref="QueueOptions"/>). A prefix lets several deployments or test runs share one account.</summary>
public sealed record StorageNames(string Prefix)
{
    public string Plans => Prefix + "plans";
    public string PlanIndex => Prefix + "planindex";
    public string Updates => Prefix + "updates";
    public string ReminderLog => Prefix + "reminderlog";
    public string ContactHealth => Prefix + "contacthealth";
    public string Publications => Prefix + "publications";

    public string ReplyAddresses => Prefix + "replyaddresses";
    public string ContactPauses => Prefix + "contactpauses";
    public string Inbound => Prefix + "inbound";
    public string InboundLog => Prefix + "inboundlog";
    public string Evidence => Prefix + "evidence";
    public string LinkRenewals => Prefix + "linkrenewals";
    /// <summary>Every change a manager made to a plan in place (who, when, before, after).</summary>
    public string PlanAudit => Prefix + "planaudit";

    /// <summary>Blob container of raw inbound e-mail, named yyyy/MM/dd/{id}.eml by UTC received date (lower case, as container names must be).</summary>
    public string InboundContainer => Prefix.ToLowerInvariant() + "inbound";
    /// <summary>Blob container of attachments kept as evidence.</summary>
    public string EvidenceContainer => Prefix.ToLowerInvariant() + "evidence";
    /// <summary>Blob container of published report snapshots.</summary>
    public string Reports => Prefix.ToLowerInvariant() + "reports";

    public IEnumerable<string> All => [Plans, PlanIndex, Updates, ReminderLog, ContactHealth, Publications, ReplyAddresses, ContactPauses, Inbound, InboundLog, Evidence, LinkRenewals, PlanAudit, InboundContainer, EvidenceContainer, Reports];

    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 1 and <= 20 && char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit);
}
