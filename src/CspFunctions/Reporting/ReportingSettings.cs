using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;

namespace CspFunctions.Reporting;

/// <summary>The settings reporting reads, taken once at start-up.</summary>
public sealed record ReportingSettings(string? BoardWebhookUrl, string PublicBaseUrl)
{
    public static ReportingSettings From(IConfiguration config, CspOptions options) => new(
        config[Settings.BoardWorkflowWebhookUrl] is { Length: > 0 } url ? url.Trim() : null,
        options.PublicBaseUrl);
}
