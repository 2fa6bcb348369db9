using System.Reflection;
using CspFunctions.Health;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.LocalHost;

public sealed record LocalHostOptions
{
    public string Urls { get; init; } = "http://localhost:7071";
    public string? RepoRoot { get; init; }
    public bool RunTimers { get; init; } = true;
    public bool RunQueues { get; init; } = true;
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
    public string? MetadataPath { get; init; }
    public Action<IServiceCollection>? ConfigureServices { get; init; }
    /// <summary>The key authLevel Function routes need (x-functions-key or ?code=); a fresh random one when null.</summary>
    public string? FunctionKey { get; init; }
    /// <summary>Emulate App Service Authentication (the local sign-in page), as a deployment with Entra sign-in on. Off: people's
    /// routes answer 503 "sign-in is not configured", as they do in Azure without it.</summary>
    public bool EmulateSignIn { get; init; } = true;
}
