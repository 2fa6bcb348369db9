namespace CspFunctions.Responses;

/// <summary>What the response pages and the inbound processor need from configuration.</summary>
public sealed record ResponseOptions(string PublicBaseUrl, string InboundDomain)
{
    /// <summary>How long after the due date a link keeps working.</summary>
    public TimeSpan Grace { get; init; } = ResponseLinks.DefaultGrace;
    /// <summary>The shortest time between two "send me a fresh link" emails to one contact.</summary>
    public TimeSpan RenewInterval { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>The longest progress text one action takes from the form or an email.</summary>
    public int MaxProgressText { get; init; } = 10_000;
}
