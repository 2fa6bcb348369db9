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
    public const string LinkSigningActiveKeyId = "Csp:LinkSigning:ActiveKeyId";
    /// <summary>Section of signing keys by id: Csp:LinkSigning:Keys:{id} (at least 32 characters each).</summary>
    public const string LinkSigningKeys = "Csp:LinkSigning:Keys";
    public const string SendGridApiKey = "Csp:SendGrid:ApiKey";
    public const string SendGridFromEmail = "Csp:SendGrid:FromEmail";
    public const string SendGridFromName = "Csp:SendGrid:FromName";
    public const string SendGridInboundDomain = "Csp:SendGrid:InboundDomain";
    public const string SendGridSandboxMode = "Csp:SendGrid:SandboxMode";
    public const string SendGridEventWebhookPublicKey = "Csp:SendGrid:EventWebhookPublicKey";
    /// <summary>Optional: the public key of SendGrid's signed Inbound Parse webhook; when set, unsigned posts are refused.</summary>
    public const string SendGridInboundParsePublicKey = "Csp:SendGrid:InboundParsePublicKey";
    /// <summary>"true" (default): a reply counts as a contact's only when SendGrid's SPF or DKIM results verify its From domain.
    /// "false" relaxes that for a trial tenant (the From address alone decides; the log says the sender was not verified).</summary>
    public const string SendGridRequireSenderAuthentication = "Csp:SendGrid:RequireSenderAuthentication";
    /// <summary>Test and local-stub override of the SendGrid API host; unset in Azure.</summary>
    public const string SendGridHost = "Csp:SendGrid:Host";
    public const string GraphTenantId = "Csp:Graph:TenantId";
    public const string GraphClientId = "Csp:Graph:ClientId";
    public const string GraphClientSecret = "Csp:Graph:ClientSecret";
    public const string GraphTeamsAppId = "Csp:Graph:TeamsAppId";
    /// <summary>Test and local-stub override of the Graph base URL; unset in Azure.</summary>
    public const string GraphBaseUrl = "Csp:Graph:BaseUrl";
    public const string BoardWorkflowWebhookUrl = "Csp:Board:WorkflowWebhookUrl";
    public const string RetentionInboundMailDays = "Csp:Retention:InboundMailDays";
    /// <summary>The reminders queue: the SendReminder trigger binds to this setting and the sweep enqueues to it.</summary>
    public const string RemindersQueue = "Csp:Queues:Reminders";
    /// <summary>The board-notices queue: written when a round is published, read by SendBoardNotices.</summary>
    public const string BoardNoticesQueue = "Csp:Queues:BoardNotices";
    /// <summary>Set: logs, traces and metrics go to Application Insights through OpenTelemetry. Unset (locally): nothing is exported.</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    /// <summary>"Authorization=AAD;ClientId={uami client id}": export with the managed identity (local auth is disabled on the component).</summary>
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static readonly string[] All =
    [
        Storage, StorageAccountName, StorageClientId, StorageCredential, TablePrefix, PublicBaseUrl, OutboxPath,
        LinkSigningActiveKeyId, LinkSigningKeys + ":k1",
        SendGridApiKey, SendGridFromEmail, SendGridFromName, SendGridInboundDomain, SendGridSandboxMode, SendGridEventWebhookPublicKey, SendGridInboundParsePublicKey,
        SendGridRequireSenderAuthentication, GraphTenantId, GraphClientId, GraphClientSecret, GraphTeamsAppId,
        BoardWorkflowWebhookUrl, RetentionInboundMailDays, RemindersQueue, BoardNoticesQueue,
        ApplicationInsightsConnectionString, ApplicationInsightsAuthentication,
    ];

    /// <summary>Settings only tests and local stubs use; Azure never sets them.</summary>
    public static readonly string[] LocalOnly = [SendGridHost, GraphBaseUrl];

    /// <summary>Settings the app runs without (each feature says what it does when unset). An unresolved Key Vault
    /// reference in one of these is logged as a warning and the setting treated as unset; in any other it stops start-up.</summary>
    public static readonly string[] Optional = [SendGridEventWebhookPublicKey, SendGridInboundParsePublicKey, GraphClientSecret, BoardWorkflowWebhookUrl];

    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    private static bool IsKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsOptional(string key) => Optional.Contains(key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The configuration the app runs on: unresolved Key Vault references in optional settings become unset, each
    /// with a warning naming it. Required settings are left as they are for <see cref="Validate"/> to refuse.</summary>
    public static (IConfiguration Config, IReadOnlyList<string> Warnings) WithoutUnresolvedOptional(IConfiguration config)
    {
        var unset = config.AsEnumerable().Where(kv => IsOptional(kv.Key) && IsKeyVaultReference(kv.Value)).ToList();
        if (unset.Count == 0) return (config, []);
        var warnings = unset.Select(kv => $"Optional setting '{EnvName(kv.Key)}' is an unresolved Key Vault reference ({kv.Value!.Trim()}); " +
                                          "it is treated as unset. Set the secret and restart, or remove the reference (docs/operations.md, step 4).").ToList();
        var blanked = new ConfigurationBuilder().AddConfiguration(config)
            .AddInMemoryCollection(unset.Select(kv => new KeyValuePair<string, string?>(kv.Key, ""))).Build();
        return (blanked, warnings);
    }

    /// <summary>Checks what must hold before anything is registered (storage, signing keys, unresolved Key Vault references, a
    /// number that options binding could not read) and returns one plain message per problem, each naming its setting. The
    /// other values are checked when the app starts, by the options classes (<see cref="OptionsRegistration"/>).</summary>
    public static IReadOnlyList<string> Validate(IConfiguration config)
    {
        var problems = new List<string>();
        foreach (var (key, value) in config.AsEnumerable())
        {
            if (IsKeyVaultReference(value) && !IsOptional(key))
                problems.Add($"Setting '{EnvName(key)}' is an unresolved Key Vault reference ({value!.Trim()}). " +
                             "Check the vault name and secret name, and that the app's identity has the Key Vault Secrets User role.");
        }

        var connection = config[Storage];
        var account = config[StorageAccountName];
        if (string.IsNullOrWhiteSpace(connection) && string.IsNullOrWhiteSpace(account))
            problems.Add($"Setting '{Storage}' is missing: set it to a storage connection string (UseDevelopmentStorage=true for Azurite) " +
                         $"or set '{EnvName(StorageAccountName)}' to use a managed identity.");

        var activeKeyId = config[LinkSigningActiveKeyId];
        if (string.IsNullOrWhiteSpace(activeKeyId))
            problems.Add($"Setting '{EnvName(LinkSigningActiveKeyId)}' is missing: name the key that signs response links (e.g. k1) and set '{EnvName(LinkSigningKeys)}__k1'.");
        else if (config[$"{LinkSigningKeys}:{activeKeyId}"] is not { } key || key.Length < 32)
            problems.Add($"Setting '{EnvName(LinkSigningKeys)}__{activeKeyId}' must hold a secret of at least 32 characters (the active link-signing key).");

        if (config[SendGridRequireSenderAuthentication] is { Length: > 0 } require && !bool.TryParse(require, out _))
            problems.Add($"Setting '{EnvName(SendGridRequireSenderAuthentication)}' must be true or false (got '{require}').");

        if (config[RetentionInboundMailDays] is { Length: > 0 } days && !int.TryParse(days, out _))
            problems.Add($"Setting '{EnvName(RetentionInboundMailDays)}' must be a whole number of days, at least 1 (got '{days}').");

        return problems;
    }

    public static IReadOnlyDictionary<string, byte[]> LinkKeys(IConfiguration config) =>
        config.GetSection(LinkSigningKeys).GetChildren()
            .Where(k => !string.IsNullOrEmpty(k.Value))
            .ToDictionary(k => k.Key, k => System.Text.Encoding.UTF8.GetBytes(k.Value!));

    /// <summary>The name as it appears in app settings and environment variables.</summary>
    public static string EnvName(string key) => key.Replace(":", "__");
}
