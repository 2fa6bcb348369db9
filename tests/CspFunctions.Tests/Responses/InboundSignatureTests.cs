using System.Net;
using System.Security.Cryptography;
using CspFunctions.Messaging;
using CspFunctions.Responses;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Responses;

/// <summary>Inbound Parse protected by SendGrid's signature where the operator configured its public key.</summary>
[Collection(StorageCollection.Name)]
public sealed class InboundSignatureTests(StorageFixture storage) : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    private static byte[] Raw(string id) => System.Text.Encoding.UTF8.GetBytes(
        $"From: Someone <someone@example.org>\r\nTo: reply+aaaaaaaaaaaaaaaaaaaa@reply.example.org\r\nSubject: Update\r\nMessage-ID: <{id}@example.org>\r\n\r\nAll on track.\r\n");

    private HttpRequestMessage Post(byte[] raw, bool sign, bool tamper = false)
    {
        var form = new MultipartFormDataContent("boundary-" + Guid.NewGuid().ToString("N")) { { new ByteArrayContent(raw), "email" } };
        var body = form.ReadAsByteArrayAsync().Result;
        var content = new ByteArrayContent(tamper ? body.Select((b, i) => i == body.Length / 2 ? (byte)(b ^ 1) : b).ToArray() : body);
        content.Headers.ContentType = form.Headers.ContentType;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/sendgrid") { Content = content };
        if (sign)
        {
            const string timestamp = "1700000000";
            var signature = _key.SignData(System.Text.Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            request.Headers.Add(SendGridEventWebhook.SignatureHeader, Convert.ToBase64String(signature));
            request.Headers.Add(SendGridEventWebhook.TimestampHeader, timestamp);
        }
        return request;
    }

    [Fact]
    public async Task Signed_posts_are_processed_and_unsigned_or_tampered_ones_are_archived_rejected_and_refused()
    {
        await using var host = await TestHost.StartAsync(storage, new Dictionary<string, string?>
        {
            ["Csp:SendGrid:InboundParsePublicKey"] = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo()),
        });
        var signedId = Guid.NewGuid().ToString("N");
        using var signed = await host.KeyClient.SendAsync(Post(Raw(signedId), sign: true));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);

        using var unsigned = await host.KeyClient.SendAsync(Post(Raw(Guid.NewGuid().ToString("N")), sign: false));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        using var tampered = await host.KeyClient.SendAsync(Post(Raw(Guid.NewGuid().ToString("N")), sign: true, tamper: true));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);

        var unmatched = await host.Services.GetRequiredService<IInboundLog>().ListUnmatchedAsync();
        Assert.Equal(2, unmatched.Count(m => m.Reason.Contains("signature")));
        Assert.All(unmatched.Where(m => m.Reason.Contains("signature")), m => Assert.False(string.IsNullOrEmpty(m.ArchiveBlob)));
        // The signed one was processed past the signature (it matches no reminder, so it is rejected for that reason instead).
        Assert.Contains(unmatched, m => m.MessageId == signedId + "@example.org" && m.Reason.StartsWith("Not a reply", StringComparison.Ordinal));
    }
}
