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

public static class TelemetryRegistration
{
    public static IServiceCollection AddCspTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddMetrics();
        services.TryAddSingleton<CspTelemetry>();

        var export = TelemetryExport.From(config);
        if (export is null) return services;

        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            // Redaction runs before the exporter (processors run in the order they are added).
            .WithTracing(tracing => tracing.AddSource(CspTelemetry.Name).AddProcessor(new RedactingActivityProcessor()))
            .WithLogging(logging => logging.AddProcessor(new RedactingLogProcessor()))
            .WithMetrics(metrics => metrics.AddMeter(CspTelemetry.Name))
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = export.ConnectionString;
                options.Credential = export.Credential();
                // A few thousand operations a day: keep every one (sampling would drop whole chases from the trail).
                options.SamplingRatio = 1.0F;
            });
        // Scope properties (PlanId, RoundId, LeadId, MessageId, CorrelationId) become customDimensions.
        services.Configure<OpenTelemetryLoggerOptions>(options =>
        {
            options.IncludeScopes = true;
            options.IncludeFormattedMessage = true;
        });
        return services;
    }
}
