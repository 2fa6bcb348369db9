using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>Azurite for the whole test run: reuses one that is listening, or starts one from the repo's package.json
/// (installing it when missing) with a throw-away data folder. Every test gets its own table prefix, so runs never collide.
/// Both test collections (storage and browser) have an instance; the Azurite they share is started once per test
/// process and stopped when the process exits, so one collection finishing never stops it under the other.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    private static int _counter;
    private static readonly Lazy<Task<Azurite>> Shared = new(StartSharedAsync);

    public static readonly string RunId = Convert.ToHexString(Guid.NewGuid().ToByteArray())[..8].ToLowerInvariant();

    public string RepoRoot { get; } = RepoPaths.FindRoot();

    public Task InitializeAsync() => Shared.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Azurite> StartSharedAsync()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "csp-azurite-" + RunId);
        var azurite = await Azurite.EnsureRunningAsync(RepoPaths.FindRoot(), dataFolder, _ => { });
        if (azurite.StartedHere)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                azurite.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
                try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
            };
        }
        return azurite;
    }

    /// <summary>A table prefix no other test or run uses: "t" + run id + counter.</summary>
    public static string NewPrefix() => $"t{RunId}{Interlocked.Increment(ref _counter)}";

    public static Dictionary<string, string?> Settings(string? prefix = null) => SettingsFor(prefix ?? NewPrefix());

    private static Dictionary<string, string?> SettingsFor(string prefix) => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Csp:TablePrefix"] = prefix,
        // Queues of their own too, so hosts that poll queues never take another test's messages.
        ["Csp:Queues:Reminders"] = prefix + "reminders",
        ["Csp:Queues:BoardNotices"] = prefix + "boardnotices",
        ["Csp:PublicBaseUrl"] = "http://localhost:7071",
        ["Csp:LinkSigning:ActiveKeyId"] = "test",
        ["Csp:LinkSigning:Keys:test"] = "test-signing-key-0123456789abcdef0123456789",
        ["Csp:SendGrid:FromEmail"] = "csp@example.org",
        ["Csp:SendGrid:FromName"] = "Test CSP",
        ["Csp:SendGrid:InboundDomain"] = "reply.example.org",
    };

    /// <summary>The app's real service registrations on Azurite, with a fresh prefix.</summary>
    public ServiceProvider Services(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? overrides = null)
    {
        var settings = Settings();
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config).AddCspFunctions(config);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate(); // what the host does on start
        return provider;
    }

    public PlanDocument LoadSample()
    {
        using var stream = File.OpenRead(RepoPaths.SamplePlan(RepoRoot));
        return PlanReader.ReadJson(stream);
    }
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<StorageFixture>
{
    public const string Name = "storage";
}
