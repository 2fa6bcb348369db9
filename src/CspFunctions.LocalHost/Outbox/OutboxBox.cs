namespace CspFunctions.LocalHost.Outbox;

/// <summary>One outbox folder the local host lists: the app's own (<c>.outbox/</c>, id "app") or a simulation run's
/// (<c>.outbox/simulation-&lt;run&gt;/</c>, id the run's). <paramref name="ApiBase"/> is where that box's app is served:
/// "" for the app, "/sim/&lt;run&gt;" for a run.</summary>
public sealed record OutboxBox(string Id, string Title, string Folder, string ApiBase)
{
    public const string AppId = "app";
}
