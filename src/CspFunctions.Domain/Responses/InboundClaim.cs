namespace CspFunctions.Responses;

/// <summary>A delivery's hold on an inbound message id. <see cref="Version"/> is the store's concurrency token (the table
/// entity's ETag); <see cref="Steps"/> are the side effects already done for this message, by name, with their values.</summary>
public sealed record InboundClaim(ClaimOutcome Outcome, InboundMessage Entry, string Version, IReadOnlyDictionary<string, string> Steps)
{
    public bool Done(string step) => Steps.ContainsKey(step);
}
