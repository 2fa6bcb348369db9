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
}
