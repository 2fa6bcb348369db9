using System.Text;
using System.Text.Json;
using CspFunctions.Http;
using CspFunctions.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MimeKit;

namespace CspFunctions.Responses;

/// <summary>
/// An Inbound Parse post, reduced to one raw MIME message. Raw mode: the "email" field. Parsed mode: the message is
/// rebuilt from "headers", "text", "html" (decoded with the "charsets" field) and the attachment files. The request is
/// spooled once (in memory up to 1 MB, then to a temporary file) so that a post we cannot read is still archived whole.
/// </summary>
public sealed class InboundPost : IAsyncDisposable
{
    public const long MaxBodyBytes = 32L * 1024 * 1024;
    private readonly List<Stream> _owned = [];

    public Stream Message { get; private set; } = Stream.Null;
    /// <summary>The whole request body as received (for signature checks).</summary>
    public Stream Body { get; private set; } = Stream.Null;
    public IReadOnlyList<string> EnvelopeTo { get; private set; } = [];
    /// <summary>SendGrid's SPF and dkim verdicts and the envelope sender (all null when the post had none).</summary>
    public SenderAuthentication Authentication { get; private set; } = SenderAuthentication.None;
    public InboundEnvelope Envelope => new(EnvelopeTo, Authentication);
    public string Mode { get; private set; } = "raw";

    public static async Task<InboundPost> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) throw new BodyTooLargeException(MaxBodyBytes);
        var post = new InboundPost();
        try
        {
            var spool = post.Own(await Spool.CopyAsync(request.Body, MaxBodyBytes, request.ContentLength, ct));
            post.Message = spool;
            post.Body = spool;
            var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var media) && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? HeaderUtilities.RemoveQuotes(media.Boundary).Value : null;
            if (string.IsNullOrEmpty(boundary)) { post.Mode = "body"; return post; }
            try { await post.ReadFormAsync(spool, boundary, ct); }
            catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or JsonException)
            {
                post.Mode = "malformed-form";
                post.Message = spool;
            }
            post.Message.Position = 0;
            return post;
        }
        catch
        {
            await post.DisposeAsync();
            throw;
        }
    }

    private async Task ReadFormAsync(Stream spool, string boundary, CancellationToken ct)
    {
        spool.Position = 0;
        var reader = new MultipartReader(boundary, spool) { BodyLengthLimit = MaxBodyBytes };
        var fields = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var files = new List<(string Name, string ContentType, Stream Content)>();
        Stream? email = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (name == "email" && string.IsNullOrEmpty(fileName)) email = Own(await Spool.CopyAsync(section.Body, MaxBodyBytes, null, ct));
            else if (!string.IsNullOrEmpty(fileName)) files.Add((fileName, section.ContentType ?? "application/octet-stream", Own(await Spool.CopyAsync(section.Body, MaxBodyBytes, null, ct))));
            else
            {
                // No limit of its own: the whole post is already spooled within MaxBodyBytes, and a field refused here
                // would be a 4xx before the archive, which SendGrid answers by dropping the mail.
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, ct);
                fields[name] = buffer.ToArray();
            }
        }

        var charsets = fields.TryGetValue("charsets", out var charsetJson) ? JsonSerializer.Deserialize<Dictionary<string, string>>(charsetJson) ?? [] : [];
        string? Field(string name) => fields.TryGetValue(name, out var bytes) ? MailText.EncodingFor(charsets.GetValueOrDefault(name) ?? "utf-8", bytes).GetString(bytes) : null;
        string? envelopeFrom = null;
        if (Field("envelope") is { } envelope)
        {
            using var doc = JsonDocument.Parse(envelope);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array)
                EnvelopeTo = to.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.String)
                envelopeFrom = from.GetString();
        }
        Authentication = new SenderAuthentication(Clip(Field("SPF")), Clip(Field("dkim")), Clip(envelopeFrom));

        if (email is not null) { Message = email; Mode = "raw"; return; }
        if (Field("headers") is null && Field("text") is null && Field("html") is null) { Mode = "no-email"; return; }

        Mode = "parsed";
        var message = new MimeMessage();
        if (Field("headers") is { } headerText)
        {
            var headers = HeaderList.Load(new MemoryStream(Encoding.UTF8.GetBytes(headerText.TrimEnd() + "\r\n\r\n")));
            message.Headers.Clear();
            foreach (var header in headers.Where(h => !h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && !h.Field.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase)))
                message.Headers.Add(header);
        }
        var body = new BodyBuilder { TextBody = Field("text"), HtmlBody = Field("html") };
        foreach (var (fileName, contentType, content) in files)
        {
            content.Position = 0;
            await body.Attachments.AddAsync(fileName, content, ContentType.Parse(contentType), ct);
        }
        message.Body = body.ToMessageBody();
        Message = Own(Spool.Create(null));
        await message.WriteToAsync(Message, ct);
    }

    private static string? Clip(string? value) => value is null ? null : value.Length <= 2000 ? value : value[..2000];

    private Stream Own(Stream stream)
    {
        _owned.Add(stream);
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _owned) await stream.DisposeAsync();
    }
}
