using System.Net;
using System.Text;
using CspFunctions.Messaging;
using CspFunctions.Reporting;
using CspFunctions.Setup;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Reporting;

/// <summary>Posts the board card to the Teams Workflows webhook (Csp:Board:WorkflowWebhookUrl, a secret). Retries 408, 429
/// and 5xx with exponential backoff, honouring Retry-After; any other refusal is permanent.</summary>
public sealed class BoardWebhookChannel(HttpClient http, ReportingSettings settings, BoardWebhookRetry retry, TimeProvider clock, ILogger<BoardWebhookChannel> logger) : IBoardChannel
{
    private readonly string? _url = settings.BoardWebhookUrl;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_url);

    public async Task PostAsync(string messageJson, CancellationToken ct = default)
    {
        if (!IsConfigured) throw new MessagingException($"The board's Teams webhook is not configured: set {Settings.EnvName(Settings.BoardWorkflowWebhookUrl)}.");
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var content = new StringContent(messageJson, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(_url, content, ct);
                if (response.IsSuccessStatusCode) return;
                var status = (int)response.StatusCode;
                failure = $"The board's Teams webhook answered {status} {response.ReasonPhrase}.";
                if (!(status is 408 or 429 || status >= 500)) throw new MessagingException(failure, status);
                retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
            }
            catch (HttpRequestException ex)
            {
                failure = "The board's Teams webhook could not be reached: " + ex.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = "The board's Teams webhook did not answer in time.";
            }
            if (attempt >= retry.MaxAttempts) throw new MessagingException($"{failure} Gave up after {attempt} attempts.");
            var backoff = TimeSpan.FromTicks(retry.BaseDelay.Ticks * (1L << (attempt - 1)));
            var delay = retryAfter is { } ra && ra > backoff ? ra : backoff;
            if (delay > retry.MaxDelay) delay = retry.MaxDelay;
            logger.LogWarning("Board webhook attempt {Attempt} failed ({Failure}); retrying in {Delay}", attempt, failure, delay);
            await Task.Delay(delay, clock, ct);
        }
    }
}
