using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Responses;
using CspFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Setup;

public static class ServiceRegistration
{
    /// <summary>Everything the functions need. Used by Program.cs and by the local host, so both run the same app.</summary>
    public static IServiceCollection AddCspFunctions(this IServiceCollection services, IConfiguration config)
    {
        var problems = Settings.Validate(config);
        if (problems.Count > 0) throw new InvalidConfigurationException(problems);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new TableNames(config[Settings.TablePrefix] ?? "csp"));
        services.AddSingleton(StorageClients.Create(config));
        services.AddSingleton<TableSetup>();
        services.AddSingleton<IPlanStore, TablePlanStore>();
        services.AddSingleton<IProgressStore, TableProgressStore>();
        services.AddSingleton<PlanImporter>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton(sp => new LinkSigner(Settings.LinkKeys(config), config[Settings.LinkSigningActiveKeyId]!, sp.GetRequiredService<TimeProvider>()));
        services.AddResponses(config);
        return services;
    }
}

/// <summary>The three storage clients, from a connection string (Azurite, local) or a managed identity (Azure).</summary>
public sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues, BlobServiceClient Blobs)
{
    public static StorageClients Create(IConfiguration config)
    {
        var connection = config[Settings.Storage];
        if (!string.IsNullOrWhiteSpace(connection))
            return new StorageClients(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection));

        var account = config[Settings.StorageAccountName]!;
        var clientId = config[Settings.StorageClientId];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new StorageClients(
            new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential),
            new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), credential),
            new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential));
    }
}
