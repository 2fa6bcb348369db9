using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CspFunctions.Observability;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CspFunctions.Setup;

/// <summary>Where telemetry goes: Application Insights when its connection string is set, otherwise nowhere beyond the local logs.</summary>
public sealed record TelemetryExport(string ConnectionString, string? ManagedIdentityClientId, bool UseManagedIdentity)
{
    public static TelemetryExport? From(IConfiguration config)
    {
        var connection = config[Settings.ApplicationInsightsConnectionString];
        if (string.IsNullOrWhiteSpace(connection)) return null;
        // The platform's format: "Authorization=AAD" (system identity) or "Authorization=AAD;ClientId=<guid>" (user-assigned).
        var parts = (config[Settings.ApplicationInsightsAuthentication] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        var aad = parts.TryGetValue("Authorization", out var auth) && auth.Equals("AAD", StringComparison.OrdinalIgnoreCase);
        return new TelemetryExport(connection.Trim(), aad ? parts.GetValueOrDefault("ClientId") : null, aad);
    }

    public TokenCredential? Credential() => !UseManagedIdentity ? null
        : string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ManagedIdentityClientId));
}
