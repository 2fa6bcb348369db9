using System.Runtime.CompilerServices;
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

        if (TelemetryExport.From(config) is { } export) AddExport(services, export);
        return services;
    }

    /// <summary>In a method of its own so that, unset (locally), the OpenTelemetry, Functions OpenTelemetry and Azure Monitor
    /// exporter assemblies are not loaded at start (the JIT loads every type a method names).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddExport(IServiceCollection services, TelemetryExport export)
    {
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
    }
}
