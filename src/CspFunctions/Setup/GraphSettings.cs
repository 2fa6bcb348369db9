using CspFunctions.Chasing;
using CspFunctions.Messaging;
using CspFunctions.Responses;
using CspFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace CspFunctions.Setup;

public sealed record GraphSettings(string TenantId, string ClientId, string ClientSecret, string BaseUrl)
{
    public static GraphSettings? From(IConfiguration config) =>
        new[] { Settings.GraphTenantId, Settings.GraphClientId, Settings.GraphClientSecret }.Any(k => string.IsNullOrWhiteSpace(config[k]))
            ? null
            : new GraphSettings(config[Settings.GraphTenantId]!, config[Settings.GraphClientId]!, config[Settings.GraphClientSecret]!,
                config[Settings.GraphBaseUrl] is { Length: > 0 } url ? url : "https://graph.microsoft.com/v1.0");
}
