using System.Text;
using System.Text.Json;
using CspFunctions.Http;
using CspFunctions.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MimeKit;

namespace CspFunctions.Responses;

/// <summary>A seekable copy of a stream: in memory when small, in a temporary file (deleted on close) when large or unknown.</summary>
public static class Spool
{
    public const long MemoryThreshold = 1024 * 1024;

    public static Stream Create(long? expectedLength) => expectedLength is { } n && n <= MemoryThreshold
        ? new MemoryStream((int)n)
        : new FileStream(Path.Combine(Path.GetTempPath(), "csp-" + Guid.NewGuid().ToString("N") + ".tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    public static async Task<Stream> CopyAsync(Stream source, long limit, long? expectedLength, CancellationToken ct)
    {
        var target = limit <= MemoryThreshold * 2 && expectedLength is null ? new MemoryStream() : Create(expectedLength);
        try
        {
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(chunk, ct)) > 0)
            {
                total += read;
                if (total > limit) throw new BodyTooLargeException(limit);
                await target.WriteAsync(chunk.AsMemory(0, read), ct);
            }
            target.Position = 0;
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }
}
