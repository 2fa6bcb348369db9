namespace CspFunctions.Plans;

public sealed record LinkedDocument(string Title, string? Url = null);
