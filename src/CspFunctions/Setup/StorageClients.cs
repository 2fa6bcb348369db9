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

namespace CspFunctions.Setup;

/// <summary>The three storage clients, from a connection string (Azurite, local) or a managed identity (Azure).</summary>
public sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues, BlobServiceClient Blobs)
{
    /// <summary>Base64 messages, as host.json's queues.messageEncoding tells the Functions runtime to expect.</summary>
    public static QueueClientOptions QueueOptions => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    /// <summary>The queue <paramref name="name"/>, created if missing when first used (once per holder of the Lazy).</summary>
    public Lazy<Task<QueueClient>> QueueOnFirstUse(string name) => new(async () =>
    {
        var queue = Queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    });

    /// <param name="extraPolicy">A pipeline policy added to every client, e.g. to count requests in a benchmark.</param>
    public static StorageClients Create(IConfiguration config, Azure.Core.Pipeline.HttpPipelinePolicy? extraPolicy = null)
    {
        var tableOptions = new TableClientOptions();
        var queueOptions = QueueOptions;
        var blobOptions = new BlobClientOptions();
        if (extraPolicy is not null)
        {
            tableOptions.AddPolicy(extraPolicy, Azure.Core.HttpPipelinePosition.PerRetry);
            queueOptions.AddPolicy(extraPolicy, Azure.Core.HttpPipelinePosition.PerRetry);
            blobOptions.AddPolicy(extraPolicy, Azure.Core.HttpPipelinePosition.PerRetry);
        }
        var connection = config[Settings.Storage];
        if (!string.IsNullOrWhiteSpace(connection))
            return new StorageClients(new TableServiceClient(connection, tableOptions), new QueueServiceClient(connection, queueOptions), new BlobServiceClient(connection, blobOptions));

        var account = config[Settings.StorageAccountName]!;
        var clientId = config[Settings.StorageClientId];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new StorageClients(
            new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential, tableOptions),
            new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), credential, queueOptions),
            new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential, blobOptions));
    }
}
