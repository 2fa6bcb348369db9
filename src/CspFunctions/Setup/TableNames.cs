namespace CspFunctions.Setup;

/// <summary>Table, queue and container names. A prefix lets several deployments or test runs share one account.</summary>
public sealed record TableNames(string Prefix)
{
    public string Plans => Prefix + "plans";
    public string PlanIndex => Prefix + "planindex";
    public string Updates => Prefix + "updates";
    public string Publications => Prefix + "publications";
    /// <summary>Blob container of published report snapshots.</summary>
    public string Reports => Prefix + "reports";
    /// <summary>The chasing feature's poison queue, listed on the manager pages.</summary>
    public string RemindersPoison => Prefix + "reminders-poison";

    public IEnumerable<string> All => [Plans, PlanIndex, Updates, Publications];

    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 1 and <= 20 && char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit);
}
