using System.Text.Json;

namespace CspFunctions.LocalHost;

/// <summary>Configuration as Core Tools builds it: embedded local defaults, then local.settings.json "Values", then environment variables.</summary>
public static class LocalSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Csp:TablePrefix"] = "csp",
        ["Csp:PublicBaseUrl"] = "http://localhost:7071",
        ["Csp:Outbox:Path"] = ".outbox",
        ["Csp:LinkSigning:ActiveKeyId"] = "local",
        ["Csp:LinkSigning:Keys:local"] = "local-development-only-signing-key-not-a-secret",
        ["Csp:SendGrid:FromEmail"] = "csp@localhost.example",
        ["Csp:SendGrid:FromName"] = "Community Safety Partnership (local)",
        ["Csp:SendGrid:InboundDomain"] = "reply.localhost.example",
        ["Csp:Retention:InboundMailDays"] = "365",
        ["Csp:Queues:Reminders"] = "cspreminders",
        ["Csp:Queues:BoardNotices"] = "cspboardnotices",
    };

    public const string EnvironmentVariable = "AZURE_FUNCTIONS_ENVIRONMENT";

    /// <summary>The host environment: AZURE_FUNCTIONS_ENVIRONMENT (Production in Azure), else Development as Core Tools uses.</summary>
    public static string EnvironmentName => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } name ? name : "Development";

    public static IEnumerable<KeyValuePair<string, string?>> ReadValues(string path)
    {
        if (!File.Exists(path)) yield break;
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!doc.RootElement.TryGetProperty("Values", out var values)) yield break;
        foreach (var p in values.EnumerateObject())
            yield return new(p.Name.Replace("__", ":"), p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString());
    }
}
