namespace CspFunctions.Templating;

/// <summary>What the page frame (Templating/Templates/layout.html.sbn) shows around a page: its title, breadcrumbs, the
/// service navigation, and the plan's contact in the footer. The nonce is the request's, for the stylesheet link.</summary>
public sealed record PageLayout(string Title)
{
    public const string ServiceName = "CSP business plan";

    public IReadOnlyList<Crumb> Crumbs { get; init; } = [];
    public IReadOnlyList<Crumb> Navigation { get; init; } = [];
    public PageContact? Contact { get; init; }
    public string? PlanName { get; init; }
    public bool HasErrors { get; init; }
    public string Nonce { get; init; } = "";
    public string StylesheetHref => Stylesheet.Href;
    public string Service => ServiceName;
    public string ServiceHref { get; init; } = "";
    public string FullTitle => (HasErrors ? "Error: " : "") + Title + " - " + ServiceName;
}
