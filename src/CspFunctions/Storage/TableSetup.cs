using System.Collections.Concurrent;
using Azure.Data.Tables;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

/// <summary>Creates each table once per process, on first use.</summary>
public sealed class TableSetup(StorageClients clients)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    public Task<TableClient> GetAsync(string name, CancellationToken ct = default) =>
        _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
        {
            var client = clients.Tables.GetTableClient(n);
            await client.CreateIfNotExistsAsync(ct);
            return client;
        })).Value;

    /// <summary>Submits actions in transactions of at most 100 (the Table service's limit for one partition).</summary>
    public static async Task SubmitInBatchesAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        for (var i = 0; i < actions.Count; i += 100)
            await table.SubmitTransactionAsync(actions.Skip(i).Take(100), ct);
    }
}
