using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Responses;
using CspFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CspFunctions.Setup;

public static class ServiceRegistration
{
    /// <summary>Everything the functions need. Used by Program.cs and by the local host, so both run the same app.</summary>
    public static IServiceCollection AddCspFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        var (config, warnings) = Settings.WithoutUnresolvedOptional(configuration);
        var problems = Settings.Validate(config);
        if (problems.Count > 0) throw new InvalidConfigurationException(problems);
        CspFunctions.Observability.StartupTrace.Mark("settings validated");
        services.AddSingleton(new SettingsWarnings(warnings));
        services.AddHostedService<SettingsWarningsLogger>();

        services.AddCspOptions(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StorageNames(sp.GetRequiredService<IOptions<CspOptions>>().Value.TablePrefix));
        services.AddSingleton(StorageClients.Create(config));
        services.AddSingleton<TableSetup>();
        services.AddSingleton<IPlanStore, TablePlanStore>();
        services.AddSingleton<IProgressStore, TableProgressStore>();
        services.AddSingleton<PlanImporter>();
        services.AddSingleton<PlanUpload>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton(sp => new LinkSigner(Settings.LinkKeys(config), config[Settings.LinkSigningActiveKeyId]!, sp.GetRequiredService<TimeProvider>()));
        services.AddAccess(config);
        services.AddChasing(config);
        services.AddCspOperations(config);
        services.AddWorkbench();
        services.AddReporting(config, configuration);
        services.AddResponses(config);
        return services;
    }
}
