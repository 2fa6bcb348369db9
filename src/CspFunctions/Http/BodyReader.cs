using Microsoft.AspNetCore.Http;

namespace CspFunctions.Http;

public static class BodyReader
{
    /// <summary>Copies the body into memory, refusing more than <paramref name="limit"/> bytes without reading further.</summary>
    public static async Task<MemoryStream> ReadLimitedAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) throw new BodyTooLargeException(limit);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) throw new BodyTooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}
