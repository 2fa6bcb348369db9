namespace CspFunctions.Setup;

/// <summary>Table, queue and container names. A prefix lets several deployments or test runs share one account.</summary>
public sealed record TableNames(string Prefix)
{
    public string Plans => Prefix + "plans";
    public string PlanIndex => Prefix + "planindex";
    public string Updates => Prefix + "updates";
    /// <summary>Blob container of raw inbound e-mail, named yyyy/MM/dd/{id}.eml by UTC received date (Retention/).</summary>
    public string InboundMail => Prefix + "inbound";

    public IEnumerable<string> All => [Plans, PlanIndex, Updates, InboundMail];

    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 1 and <= 20 && char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit);
}
