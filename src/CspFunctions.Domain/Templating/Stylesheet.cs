using System.Security.Cryptography;

namespace CspFunctions.Templating;

/// <summary>The pages' one stylesheet (GOV.UK Frontend compiled from Templating/Styles at build time), served under a
/// name that carries a hash of its content, so it can be cached for a year and a new build is fetched at once.</summary>
public static class Stylesheet
{
    public const string ContentType = "text/css; charset=utf-8";
    public const string RoutePrefix = "/api/assets/";

    private static readonly Lazy<(byte[] Content, string FileName)> Loaded = new(() =>
    {
        var assembly = typeof(Stylesheet).Assembly;
        using var stream = assembly.GetManifestResourceStream("CspFunctions.Templating.site.css")
            ?? throw new InvalidOperationException("The stylesheet was not built into the assembly (see CspFunctions.Domain.csproj, BuildSiteStylesheet).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        return (content, $"site.{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}.css");
    });

    public static byte[] Content => Loaded.Value.Content;

    /// <summary>site.{hash}.css</summary>
    public static string FileName => Loaded.Value.FileName;

    public static string Href => RoutePrefix + FileName;
}
