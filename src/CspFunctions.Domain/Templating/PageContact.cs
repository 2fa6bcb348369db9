namespace CspFunctions.Templating;

/// <summary>Who to ask about the plan a page belongs to; shown in every page's footer.</summary>
public sealed record PageContact(string Name, string Email);
