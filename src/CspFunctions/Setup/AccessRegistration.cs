using CspFunctions.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Setup;

public static class AccessRegistration
{
    /// <summary>Who may call which route: the rules, whether the platform's sign-in is on, and the gate both hosts put in front of
    /// every HTTP function (docs/security.md).</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(AccessSettings.From(config));
        services.AddSingleton<AccessRules>();
        services.AddSingleton<AccessGate>();
        return services;
    }
}
