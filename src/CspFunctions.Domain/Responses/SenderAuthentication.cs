using System.Text.RegularExpressions;

namespace CspFunctions.Responses;

/// <summary>
/// The receiving side's verdicts on who sent a message, as SendGrid Inbound Parse posts them beside the message:
/// <c>SPF</c> ("pass", "softfail", ...) for the envelope sender (<c>envelope.from</c>, the return path) and <c>dkim</c>
/// ("{@example.org : pass, @sendgrid.net : fail}"). All null when no such fields came (a local or test delivery).
/// </summary>
public sealed partial record SenderAuthentication(string? Spf, string? Dkim, string? EnvelopeFrom)
{
    public static readonly SenderAuthentication None = new(null, null, null);

    public bool HasResults => !string.IsNullOrWhiteSpace(Spf) || !string.IsNullOrWhiteSpace(Dkim);

    /// <summary>Whether <paramref name="fromAddress"/>'s domain passes DKIM with an aligned signing domain, or SPF for an
    /// aligned envelope sender (relaxed alignment, as DMARC: the same domain or one a subdomain of the other), and why.</summary>
    public (bool Passed, string Reason) Verify(string fromAddress)
    {
        var fromDomain = DomainOf(fromAddress);
        if (!HasResults)
            return (false, "No SendGrid SPF or DKIM results came with this message (a local or test delivery, not through Inbound Parse), so the sender could not be verified.");
        if (fromDomain is null) return (false, $"The From address '{fromAddress}' has no domain to verify.");

        var signatures = DkimResults().ToList();
        if (signatures.FirstOrDefault(s => s.Result == "pass" && Aligned(s.Domain, fromDomain)) is { Domain.Length: > 0 } signed)
            return (true, $"DKIM passed for {signed.Domain}.");
        var spf = (Spf ?? "").Trim().ToLowerInvariant();
        var envelopeDomain = EnvelopeFrom is null ? null : DomainOf(EnvelopeFrom);
        if (spf == "pass" && envelopeDomain is not null && Aligned(envelopeDomain, fromDomain))
            return (true, $"SPF passed for {envelopeDomain}.");

        var dkimText = signatures.Count == 0 ? "no DKIM signature" : "DKIM " + string.Join(", ", signatures.Select(s => $"{s.Result} for {s.Domain}"));
        var spfText = spf.Length == 0 ? "no SPF result" : $"SPF {spf}" + (envelopeDomain is null ? "" : $" for {envelopeDomain}");
        return (false, $"The sender's domain {fromDomain} is not authenticated: {dkimText}; {spfText}.");
    }

    /// <summary>Each "@domain : result" pair of the dkim field.</summary>
    public IEnumerable<(string Domain, string Result)> DkimResults()
    {
        if (string.IsNullOrWhiteSpace(Dkim)) yield break;
        foreach (Match m in DkimPair().Matches(Dkim))
            yield return (m.Groups["d"].Value.Trim().TrimEnd('.').ToLowerInvariant(), m.Groups["r"].Value.ToLowerInvariant());
    }

    public static string? DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0 || at == address.Length - 1) return null;
        var domain = address[(at + 1)..].Trim().TrimEnd('>', '.').ToLowerInvariant();
        return domain.Length == 0 || domain.Contains(' ') ? null : domain;
    }

    /// <summary>Relaxed alignment without a public-suffix list: equal, or one a subdomain of the other. This never aligns
    /// two different organisations' domains (a.gov.uk and b.gov.uk share only the suffix, which cannot sign).</summary>
    public static bool Aligned(string a, string b) =>
        a.Equals(b, StringComparison.OrdinalIgnoreCase)
        || (a.EndsWith("." + b, StringComparison.OrdinalIgnoreCase) && b.Contains('.'))
        || (b.EndsWith("." + a, StringComparison.OrdinalIgnoreCase) && a.Contains('.'));

    [GeneratedRegex(@"@?(?<d>[A-Za-z0-9][A-Za-z0-9.\-]*)\s*:\s*(?<r>[A-Za-z]+)")]
    private static partial Regex DkimPair();
}
