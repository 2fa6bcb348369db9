using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Responses;

/// <summary>
/// Signed link tokens: "{keyId}.{base64url(claims JSON)}.{base64url(HMAC-SHA256(keyId.payload))}".
/// The key id lets keys rotate: new links use the active key, links signed with an older key that is still
/// configured keep working until they expire. Signatures are compared in constant time.
/// </summary>
public sealed class LinkSigner
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;
    private readonly TimeProvider _clock;

    public const int MinimumKeyBytes = 32;
    public const int MaxTokenLength = 2048;

    public LinkSigner(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId, TimeProvider clock)
    {
        if (!keys.TryGetValue(activeKeyId, out var active)) throw new ArgumentException($"The active link-signing key '{activeKeyId}' is not configured.", nameof(activeKeyId));
        if (keys.Any(k => k.Value.Length < MinimumKeyBytes || !IsKeyId(k.Key)))
            throw new ArgumentException($"Link-signing keys need ids of letters and digits and at least {MinimumKeyBytes} bytes.", nameof(keys));
        _ = active;
        _keys = keys;
        _activeKeyId = activeKeyId;
        _clock = clock;
    }

    public string Create(LinkClaims claims)
    {
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims, Json));
        var signed = _activeKeyId + "." + payload;
        return signed + "." + Base64Url(Sign(_keys[_activeKeyId], signed));
    }

    public LinkValidation Validate(string? token, string purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return new(LinkStatus.Malformed, null);
        var parts = token.Split('.');
        if (parts.Length != 3 || !IsKeyId(parts[0])) return new(LinkStatus.Malformed, null);
        if (!_keys.TryGetValue(parts[0], out var key)) return new(LinkStatus.UnknownKey, null);
        if (!TryFromBase64Url(parts[2], out var signature) || !TryFromBase64Url(parts[1], out var payload)) return new(LinkStatus.Malformed, null);
        var expected = Sign(key, parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return new(LinkStatus.Tampered, null);

        LinkClaims? claims;
        try { claims = JsonSerializer.Deserialize<LinkClaims>(payload, Json); }
        catch (JsonException) { return new(LinkStatus.Malformed, null); }
        if (claims is null || claims.PlanId is null || claims.RoundId is null || claims.LeadId is null || claims.ContactEmail is null || claims.Purpose is null)
            return new(LinkStatus.Malformed, null);
        if (claims.Purpose != purpose) return new(LinkStatus.WrongPurpose, claims);
        if (_clock.GetUtcNow() >= claims.ExpiresAt) return new(LinkStatus.Expired, claims);
        return new(LinkStatus.Valid, claims);
    }

    private static bool IsKeyId(string id) => id.Length is > 0 and <= 16 && id.All(char.IsAsciiLetterOrDigit);

    private static byte[] Sign(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(data));

    public static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))) return false;
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try { bytes = Convert.FromBase64String(padded); return true; }
        catch (FormatException) { return false; }
    }
}
