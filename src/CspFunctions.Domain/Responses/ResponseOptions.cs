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
    /// <summary>A reply counts as the contact's only when SendGrid's SPF or DKIM results verify the From domain. Off only for
    /// a trial tenant (setting Csp__SendGrid__RequireSenderAuthentication=false); the log then says the sender was not verified.</summary>
    public bool RequireSenderAuthentication { get; init; } = true;
    /// <summary>How long a delivery holds its claim on a message before another delivery may take it over (the function
    /// timeout: a run that has not finished by then has stopped).</summary>
    public TimeSpan InboundLease { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>How long a second delivery of a message waits for the first to finish before answering 5xx (SendGrid retries).</summary>
    public TimeSpan InboundBusyWait { get; init; } = TimeSpan.FromSeconds(10);
}
