using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CspFunctions.Storage;

namespace CspFunctions.Messaging;

/// <summary>
/// SendGrid's signed Event Webhook: the signature header is a base64 DER ECDSA (P-256, SHA-256) signature over the
/// timestamp header followed by the raw body; the public key is the base64 DER key SendGrid shows when signing is enabled.
/// </summary>
public sealed class SendGridEventWebhook(string? publicKeyBase64)
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private static readonly HashSet<string> ProblemEvents = ["bounce", "dropped", "spamreport", "blocked"];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(publicKeyBase64);

    public bool Verify(byte[] body, string? signatureBase64, string? timestamp) => Verify(new MemoryStream(body), signatureBase64, timestamp);

    /// <summary>Verifies over a (possibly large, spooled) body without holding it in memory twice.</summary>
    public bool Verify(Stream body, string? signatureBase64, string? timestamp)
    {
        if (!IsConfigured || string.IsNullOrEmpty(signatureBase64) || string.IsNullOrEmpty(timestamp)) return false;
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKeyBase64!), out _);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
            body.Position = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = body.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, read);
            body.Position = 0;
            return key.VerifyHash(hash.GetHashAndReset(), Convert.FromBase64String(signatureBase64), DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException) { return false; }
    }

    /// <summary>The bounces, drops, blocks and spam reports among the events, with the plan/lead custom args we sent.</summary>
    public static IReadOnlyList<ContactProblem> Problems(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("the event webhook body is not a JSON array");
        var result = new List<ContactProblem>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            string? Get(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var kind = Get("event");
            var email = Get("email");
            if (kind is null || email is null || !ProblemEvents.Contains(kind)) continue;
            if (kind == "bounce" && Get("type") == "blocked") kind = "blocked";
            var at = e.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
            result.Add(new ContactProblem(Get("plan") ?? TableContactHealth.UnknownPlan, email, kind, Get("reason") ?? Get("response"), at, Get("lead")));
        }
        return result;
    }
}
