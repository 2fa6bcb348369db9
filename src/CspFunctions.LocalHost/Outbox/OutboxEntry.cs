namespace CspFunctions.LocalHost.Outbox;

/// <summary>One message in an outbox: a mail (.eml), a Teams activity notification or the board's card (.json).</summary>
/// <param name="Channel">The folder it is in: "mail", "teams" or "board".</param>
/// <param name="Kind">What it is: a mail's chasing stage (X-Csp-stage) or "mail", "teams: " and the activity type, or "board card".</param>
/// <param name="Lead">The lead a reminder was sent to (X-Csp-lead), so it can be replied to as that lead.</param>
public sealed record OutboxEntry(OutboxBox Box, string Channel, string File, DateTimeOffset At, string Kind, string Recipients, string Summary, string? Lead = null)
{
    public string Href => $"/outbox/{Box.Id}/{Channel}/{Uri.EscapeDataString(File)}";
}
