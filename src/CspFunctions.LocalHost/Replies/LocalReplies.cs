using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CspFunctions.LocalHost.Replies;

/// <summary>Where the local host itself takes inbound mail: its own listening address (null until it listens).</summary>
public static class LocalReplies
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <param name="basePath">Where the app that takes the reply is served: "" for the local host's app, "/sim/&lt;run&gt;" for a run's.</param>
    public static InboundParsePoster? Poster(IServiceProvider services, string? functionKey = null, string basePath = "") =>
        Address(services) is { } uri ? new InboundParsePoster(Http, basePath.Length == 0 ? uri : new Uri(uri, basePath.Trim('/') + "/"), functionKey) : null;

    /// <summary>The local host's own address, ending in "/" (null until it listens).</summary>
    public static Uri? Address(IServiceProvider services)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || address.EndsWith(":0", StringComparison.Ordinal)) return null;
        return new Uri(address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
    }
}
