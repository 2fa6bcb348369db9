namespace CspFunctions.Plans;

public sealed record Priority(string Id, string Title);
