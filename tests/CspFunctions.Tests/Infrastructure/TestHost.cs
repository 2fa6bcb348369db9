using CspFunctions.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>The real local host (Kestrel on a free loopback port) serving the Functions app on Azurite.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => App.Services;

    /// <param name="runQueues">Poll the app's queues as the Functions runtime would. Off by default: queue names are shared
    /// by every host on the machine, so only tests about the queue runner turn it on.</param>
    public static async Task<TestHost> StartAsync(StorageFixture storage, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null, bool runQueues = false)
    {
        var settings = StorageFixture.Settings();
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        var app = LocalFunctionHost.Build(new LocalHostOptions
        {
            RepoRoot = storage.RepoRoot,
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
            RunQueues = runQueues,
            Overrides = settings,
            ConfigureServices = configure,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
