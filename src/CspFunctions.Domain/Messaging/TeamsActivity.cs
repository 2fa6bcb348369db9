namespace CspFunctions.Messaging;

/// <summary>A Teams activity-feed notification (Graph sendActivityNotificationToRecipients).</summary>
public sealed record TeamsActivity(
    IReadOnlyList<string> RecipientUserIds,
    string ActivityType,
    string PreviewText,
    string WebUrl,
    IReadOnlyDictionary<string, string> TemplateParameters);
