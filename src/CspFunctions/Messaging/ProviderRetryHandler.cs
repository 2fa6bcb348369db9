using System.Net;

namespace CspFunctions.Messaging;

/// <summary>
/// Retries a provider's 429 and 5xx answers. SendGrid's own retry settings do not apply to an injected HttpClient
/// and it never retries 429, so this handler does: it waits until SendGrid's X-RateLimit-Reset (epoch seconds) or
/// a Retry-After, else backs off exponentially. A wait longer than <see cref="MaxWait"/> is not slept through:
/// the last response is returned and the caller fails, so the queue retries the message later.
/// </summary>
public sealed class ProviderRetryHandler(TimeProvider clock) : DelegatingHandler
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(20);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        // Buffer the body once so it can be sent again.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(ct);
        var headers = request.Content?.Headers.ToList();
        for (var attempt = 1; ; attempt++)
        {
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                foreach (var (name, values) in headers!) request.Content.Headers.TryAddWithoutValidation(name, values);
            }
            var response = await base.SendAsync(request, ct);
            if (!IsTransient(response.StatusCode) || attempt >= MaxAttempts) return response;
            var wait = WaitFor(response, attempt);
            if (wait > MaxWait) return response;
            response.Dispose();
            await Task.Delay(wait, clock, ct);
        }
    }

    public static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan WaitFor(HttpResponseMessage response, int attempt)
    {
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var reset) && long.TryParse(reset.FirstOrDefault(), out var epoch))
        {
            var until = DateTimeOffset.FromUnixTimeSeconds(epoch) - clock.GetUtcNow();
            return until > TimeSpan.Zero ? until : TimeSpan.Zero;
        }
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return delta;
            if (retryAfter.Date is { } date) return date - clock.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        }
        return BaseDelay * Math.Pow(2, attempt - 1);
    }
}
