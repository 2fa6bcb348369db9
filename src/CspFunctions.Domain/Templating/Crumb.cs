namespace CspFunctions.Templating;

/// <summary>One step of a page's breadcrumbs.</summary>
public sealed record Crumb(string Text, string Href);
