using Microsoft.Extensions.Configuration;

namespace CspFunctions.Setup;

/// <summary>Every setting the app reads, in configuration-key form (environment variables use "__" for ":").
/// infra/settings.json must account for each one; a test checks.</summary>
public static class Settings
{
    public const string Storage = "AzureWebJobsStorage";
    public const string StorageAccountName = "AzureWebJobsStorage:accountName";
    public const string StorageClientId = "AzureWebJobsStorage:clientId";
    public const string StorageCredential = "AzureWebJobsStorage:credential";
    public const string TablePrefix = "Csp:TablePrefix";
    public const string PublicBaseUrl = "Csp:PublicBaseUrl";
    public const string OutboxPath = "Csp:Outbox:Path";

    public static readonly string[] All =
    [
        Storage, StorageAccountName, StorageClientId, StorageCredential, TablePrefix, PublicBaseUrl, OutboxPath,
    ];

    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>Checks configuration and returns one plain message per problem, each naming its setting.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration config)
    {
        var problems = new List<string>();
        foreach (var (key, value) in config.AsEnumerable())
        {
            if (value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
                problems.Add($"Setting '{EnvName(key)}' is an unresolved Key Vault reference ({value.Trim()}). " +
                             "Check the vault name and secret name, and that the app's identity has the Key Vault Secrets User role.");
        }

        var connection = config[Storage];
        var account = config[StorageAccountName];
        if (string.IsNullOrWhiteSpace(connection) && string.IsNullOrWhiteSpace(account))
            problems.Add($"Setting '{Storage}' is missing: set it to a storage connection string (UseDevelopmentStorage=true for Azurite) " +
                         $"or set '{EnvName(StorageAccountName)}' to use a managed identity.");

        var prefix = config[TablePrefix];
        if (prefix is not null && !TableNames.IsValidPrefix(prefix))
            problems.Add($"Setting '{EnvName(TablePrefix)}' must be 1-20 letters or digits starting with a letter (got '{prefix}').");

        var baseUrl = config[PublicBaseUrl];
        if (!string.IsNullOrWhiteSpace(baseUrl) && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            problems.Add($"Setting '{EnvName(PublicBaseUrl)}' must be an absolute http(s) URL (got '{baseUrl}').");

        return problems;
    }

    /// <summary>The name as it appears in app settings and environment variables.</summary>
    public static string EnvName(string key) => key.Replace(":", "__");
}

public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("CspFunctions cannot start because of its configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
