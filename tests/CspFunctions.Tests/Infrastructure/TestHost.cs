using CspFunctions.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>The real local host (Kestrel on a free loopback port) serving the Functions app on Azurite. It refuses what Azure
/// refuses: <see cref="Client"/> has no key and nobody signed in; machine routes need <see cref="KeyClient"/>, people's routes
/// a session from the local sign-in page (<see cref="SignInAsync"/>).</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private TestHost(WebApplication app, Uri baseAddress, string functionKey)
    {
        App = app;
        BaseAddress = baseAddress;
        FunctionKey = functionKey;
        Client = Track(new HttpClient { BaseAddress = baseAddress });
        KeyClient = Track(new HttpClient { BaseAddress = baseAddress });
        KeyClient.DefaultRequestHeaders.Add(LocalFunctionKeys.Header, functionKey);
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    /// <summary>Anonymous: no function key, no sign-in.</summary>
    public HttpClient Client { get; }
    /// <summary>A machine caller with the function key (x-functions-key), as SendGrid or the import script.</summary>
    public HttpClient KeyClient { get; }
    public string FunctionKey { get; }
    public IServiceProvider Services => App.Services;

    /// <summary>The e-mail address of the sample plan's manager.</summary>
    public const string SampleManager = "csp.manager@example.org";

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    /// <summary>Signs in on the local sign-in page (the emulated App Service Authentication) and returns a client carrying
    /// that session cookie, as a browser would.</summary>
    public async Task<HttpClient> SignInAsync(string email, string? name = null, bool admin = false, string? objectId = null, bool followRedirects = true)
    {
        var client = Track(new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = followRedirects }) { BaseAddress = BaseAddress });
        var fields = new Dictionary<string, string> { ["name"] = name ?? email, ["email"] = email, ["object_id"] = objectId ?? "", ["post_login_redirect_uri"] = "/.auth/me" };
        if (admin) fields["admin"] = "true";
        using var response = await client.PostAsync("/.auth/login/aad", new FormUrlEncodedContent(fields));
        if (followRedirects) response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Fires a timer function as Core Tools' admin API does (POST /admin/functions/{name} with the key).</summary>
    public async Task FireTimerAsync(string name)
    {
        using var response = await KeyClient.PostAsync("/admin/functions/" + name, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted) throw new InvalidOperationException($"POST /admin/functions/{name}: HTTP {(int)response.StatusCode}");
    }

    /// <summary>The queue function <paramref name="name"/> takes every waiting message of its queue (the local host's queue
    /// runner, on the host's own services), as the runtime would; returns how many it took.</summary>
    public Task<int> DrainQueueAsync(string name) =>
        ActivatorUtilities.CreateInstance<QueueRunner>(Services, FunctionCatalog.Load().Single(f => f.Name == name), Services.GetRequiredService<FunctionInvoker>()).DrainAsync();

    /// <summary>Signed in as the sample plan's manager.</summary>
    public Task<HttpClient> ManagerAsync(bool followRedirects = true) => SignInAsync(SampleManager, "CSP Manager", followRedirects: followRedirects);

    /// <param name="runQueues">Poll the app's queues as the Functions runtime would. Off by default: queue names are shared
    /// by every host on the machine, so only tests about the queue runner turn it on.</param>
    /// <param name="emulateSignIn">Off: a deployment without App Service Authentication (people's routes answer 503).</param>
    public static async Task<TestHost> StartAsync(StorageFixture storage, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null, bool runQueues = false,
        bool emulateSignIn = true)
    {
        var functionKey = LocalFunctionKeys.NewKey();
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
            FunctionKey = functionKey,
            EmulateSignIn = emulateSignIn,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address), functionKey);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
