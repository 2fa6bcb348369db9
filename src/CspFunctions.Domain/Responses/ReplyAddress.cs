using System.Security.Cryptography;
using System.Text;

namespace CspFunctions.Responses;

/// <summary>
/// Per-lead, per-round reply addresses at the Inbound Parse domain: "reply+{key}@{domain}". The key is 20
/// base32 characters of HMAC-SHA256(plan|round|lead) - unguessable, stable (the same lead and round always get
/// the same address) and short enough for an email local part. The sender stores key -> (plan, round, lead)
/// when it sends, so an inbound reply is matched by lookup.
/// </summary>
public static class ReplyAddress
{
    public const string LocalPartPrefix = "reply+";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string KeyFor(byte[] signingKey, string planId, string roundId, string leadId)
    {
        var hash = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes($"reply|{planId}|{roundId}|{leadId}"));
        var sb = new StringBuilder(20);
        // 20 characters x 5 bits = 100 bits of the hash.
        for (var i = 0; i < 20; i++)
        {
            var bit = i * 5;
            var value = ((hash[bit / 8] << 8) | hash[bit / 8 + 1]) >> (11 - bit % 8) & 31;
            sb.Append(Alphabet[value]);
        }
        return sb.ToString();
    }

    public static string For(string key, string domain) => $"{LocalPartPrefix}{key}@{domain}";

    /// <summary>Finds the key in any of the addresses (To, Cc, envelope) that is at our inbound domain.</summary>
    public static string? FindKey(IEnumerable<string> addresses, string domain)
    {
        foreach (var address in addresses)
        {
            var at = address.LastIndexOf('@');
            if (at <= 0 || !address[(at + 1)..].Trim().TrimEnd('>').Equals(domain, StringComparison.OrdinalIgnoreCase)) continue;
            var local = address[..at].Trim().TrimStart('<').ToLowerInvariant();
            if (!local.StartsWith(LocalPartPrefix, StringComparison.Ordinal)) continue;
            var key = local[LocalPartPrefix.Length..];
            if (key.Length == 20 && key.All(c => Alphabet.Contains(c))) return key;
        }
        return null;
    }
}
