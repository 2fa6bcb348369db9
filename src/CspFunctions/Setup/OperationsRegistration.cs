using CspFunctions.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Setup;

public static class OperationsRegistration
{
    /// <summary>Telemetry (counters, traces, export to Application Insights) and the retention of raw inbound mail.</summary>
    public static IServiceCollection AddCspOperations(this IServiceCollection services, IConfiguration config)
    {
        services.AddCspTelemetry(config);
        var days = int.TryParse(config[Settings.RetentionInboundMailDays], out var d) ? d : InboundMailRetention.DefaultDays;
        services.AddSingleton(new InboundMailRetention(days));
        services.AddSingleton<InboundMailPurger>();
        return services;
    }
}
