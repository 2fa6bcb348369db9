using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CspFunctions.LocalHost.Replies;

/// <summary>Where the local host itself takes inbound mail: its own listening address (null until it listens).</summary>
public static class LocalReplies
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static InboundParsePoster? Poster(IServiceProvider services, string? functionKey = null)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || address.EndsWith(":0", StringComparison.Ordinal)) return null;
        var uri = new Uri(address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new InboundParsePoster(Http, uri, functionKey);
    }
}
