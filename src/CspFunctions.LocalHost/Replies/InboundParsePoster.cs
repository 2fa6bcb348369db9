using System.Net.Http.Headers;
using System.Text.Json;
using MimeKit;

namespace CspFunctions.LocalHost.Replies;

/// <summary>
/// Posts a message to the inbound endpoint the way SendGrid Inbound Parse does with "Send Raw" on: multipart/form-data
/// with the whole MIME message in "email", beside "to", "from", "subject", "envelope", "charsets", "SPF", "dkim",
/// "sender_ip" and "spam_score", and the function key the endpoint's authLevel Function needs.
/// </summary>
public sealed class InboundParsePoster(HttpClient http, Uri endpoint, string? functionKey)
{
    public const string Route = "api/inbound/sendgrid";

    public async Task<InboundPostResult> PostAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var raw = new MemoryStream();
        await message.WriteToAsync(FormatOptions.Default, raw, ct);
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var to = message.To.Mailboxes.Select(m => m.Address).ToList();
        using var form = new MultipartFormDataContent();
        void Field(string name, string value) => form.Add(new StringContent(value), name);
        Field("headers", string.Join("\n", message.Headers.Select(h => $"{h.Field}: {h.Value}")));
        Field("dkim", $"{{@{(from.Contains('@') ? from[(from.IndexOf('@') + 1)..] : "localhost")} : pass}}");
        Field("email", System.Text.Encoding.UTF8.GetString(raw.ToArray()));
        Field("to", message.To.ToString());
        Field("from", message.From.ToString());
        Field("sender_ip", "127.0.0.1");
        Field("envelope", JsonSerializer.Serialize(new { to, from }));
        Field("subject", message.Subject ?? "");
        Field("spam_score", "0.0");
        Field("charsets", JsonSerializer.Serialize(new Dictionary<string, string> { ["to"] = "UTF-8", ["from"] = "UTF-8", ["subject"] = "UTF-8" }));
        Field("SPF", "pass");

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, Route)) { Content = form };
        if (!string.IsNullOrEmpty(functionKey)) request.Headers.Add("x-functions-key", functionKey);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Sendlib", "1.0"));
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        string? state = null, reason = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                state = json.RootElement.TryGetProperty("state", out var s) ? s.GetString() : null;
                reason = json.RootElement.TryGetProperty("reason", out var r) ? r.GetString()
                    : json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            }
        }
        catch (JsonException) { }
        return new InboundPostResult((int)response.StatusCode, state, reason ?? (body.Length > 300 ? body[..300] : body));
    }
}
