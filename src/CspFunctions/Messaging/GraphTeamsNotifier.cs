using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Teamwork.SendActivityNotificationToRecipients;
using Microsoft.Kiota.Abstractions;

namespace CspFunctions.Messaging;

/// <summary>Teams activity-feed notifications with app-only Graph (TeamsActivity.Send): the only thing app-only Graph
/// may post to Teams. At most 100 recipients a call; the SDK's retry handler honours 429/503/504 Retry-After.</summary>
public sealed class GraphTeamsNotifier(GraphServiceClient graph) : ITeamsNotifier
{
    public const int MaxRecipientsPerCall = 100;

    public async Task NotifyAsync(TeamsActivity activity, CancellationToken ct = default)
    {
        foreach (var batch in activity.RecipientUserIds.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(MaxRecipientsPerCall))
        {
            var body = new SendActivityNotificationToRecipientsPostRequestBody
            {
                Topic = new TeamworkActivityTopic { Source = TeamworkActivityTopicSource.Text, Value = activity.PreviewText, WebUrl = activity.WebUrl },
                ActivityType = activity.ActivityType,
                PreviewText = new ItemBody { Content = activity.PreviewText },
                Recipients = batch.Select(id => (TeamworkNotificationRecipient)new AadUserNotificationRecipient { UserId = id }).ToList(),
                TemplateParameters = activity.TemplateParameters.Select(p => new Microsoft.Graph.Models.KeyValuePair { Name = p.Key, Value = p.Value }).ToList(),
            };
            try
            {
                await graph.Teamwork.SendActivityNotificationToRecipients.PostAsync(body, cancellationToken: ct);
            }
            catch (ApiException ex) when (ex.ResponseStatusCode is >= 400 and < 500 and not 429)
            {
                throw new MessagingException($"Graph refused the Teams notification ({ex.ResponseStatusCode}). Is the Teams app installed for the recipients and TeamsActivity.Send granted?", ex.ResponseStatusCode);
            }
        }
    }

    /// <summary>The SDK's own pipeline (retry, redirect, compression handlers) around <paramref name="finalHandler"/>.</summary>
    public static HttpClient CreateHttpClient(HttpMessageHandler? finalHandler = null) =>
        GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: finalHandler);
}
