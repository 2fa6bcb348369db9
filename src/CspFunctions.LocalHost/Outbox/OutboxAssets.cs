namespace CspFunctions.LocalHost.Outbox;

/// <summary>The scripts of the outbox's card page, served by the local host only: the Adaptive Cards renderer (npm
/// adaptivecards, pinned in package.json, from node_modules) and the few lines that draw a card with it.</summary>
public static class OutboxAssets
{
    public const string RendererHref = "/outbox/assets/adaptivecards.min.js";
    public const string ScriptHref = "/outbox/assets/outbox-card.js";
    private const string ScriptResource = "CspFunctions.LocalHost.Outbox.outbox-card.js";

    public static string RendererPath(string repoRoot) => Path.Combine(repoRoot, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");

    public static void Map(WebApplication app, string repoRoot)
    {
        app.MapGet(RendererHref, LocalEndpoint.Of(_ => File.Exists(RendererPath(repoRoot))
            ? Results.File(RendererPath(repoRoot), "text/javascript; charset=utf-8")
            : Results.NotFound("The Adaptive Cards renderer is not installed: run npm ci at the repository root. The card's JSON is on the page meanwhile.")));
        app.MapGet(ScriptHref, LocalEndpoint.Of(_ =>
        {
            var stream = typeof(OutboxAssets).Assembly.GetManifestResourceStream(ScriptResource) ?? throw new InvalidOperationException($"{ScriptResource} is not embedded.");
            return Results.Stream(stream, "text/javascript; charset=utf-8");
        }));
    }
}
