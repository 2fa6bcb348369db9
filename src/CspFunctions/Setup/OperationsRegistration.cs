using CspFunctions.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CspFunctions.Setup;

public static class OperationsRegistration
{
    /// <summary>Telemetry (counters, traces, export to Application Insights) and the retention of raw inbound mail.</summary>
    public static IServiceCollection AddCspOperations(this IServiceCollection services, IConfiguration config)
    {
        services.AddCspTelemetry(config);
        services.AddSingleton(sp => new InboundMailRetention(sp.GetRequiredService<IOptions<RetentionOptions>>().Value.InboundMailDays));
        services.AddSingleton<InboundMailPurger>();
        return services;
    }
}
