namespace CspFunctions.Setup;

/// <summary>Table, queue and container names. A prefix lets several deployments or test runs share one account.</summary>
public sealed record TableNames(string Prefix)
{
    public string Plans => Prefix + "plans";
    public string PlanIndex => Prefix + "planindex";
    public string Updates => Prefix + "updates";

    public string ReplyAddresses => Prefix + "replyaddresses";
    public string ContactPauses => Prefix + "contactpauses";
    public string Inbound => Prefix + "inbound";
    public string InboundLog => Prefix + "inboundlog";
    public string Evidence => Prefix + "evidence";
    public string LinkRenewals => Prefix + "linkrenewals";
    /// <summary>Blob container of raw inbound mail (lower case, as container names must be).</summary>
    public string InboundContainer => Prefix.ToLowerInvariant() + "inbound";
    /// <summary>Blob container of attachments kept as evidence.</summary>
    public string EvidenceContainer => Prefix.ToLowerInvariant() + "evidence";

    public IEnumerable<string> All => [Plans, PlanIndex, Updates, ReplyAddresses, ContactPauses, Inbound, InboundLog, Evidence, LinkRenewals, InboundContainer, EvidenceContainer];

    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 1 and <= 20 && char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit);
}
