using System.Text.Json;
using System.Text.Json.Nodes;

namespace CspFunctions.LocalHost.Outbox;

/// <summary>The Adaptive Cards the outbox renders: the board's card out of its webhook envelope, and a Teams activity
/// notification drawn as the activity feed shows one (the app's name, the preview text, who it went to, an Open button).</summary>
public static class TeamsActivityCard
{
    /// <summary>The card in a Workflows webhook message ("message" with an Adaptive Card attachment), or the element
    /// itself when it is a card; null when neither.</summary>
    public static JsonElement? CardOf(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object) return null;
        if (message.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "AdaptiveCard") return message;
        if (!message.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array) return null;
        foreach (var attachment in attachments.EnumerateArray())
        {
            if (attachment.ValueKind == JsonValueKind.Object && attachment.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                && content.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "AdaptiveCard")
                return content;
        }
        return null;
    }

    public static JsonObject FromActivity(JsonElement activity)
    {
        string Text(string name) => activity.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var recipients = activity.TryGetProperty("recipientUserIds", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Select(i => i.ToString()).ToList() : [];
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = "CSP business plan", ["size"] = "Small", ["isSubtle"] = true, ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = Text("previewText"), ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray
                    {
                        new JsonObject { ["title"] = "Activity", ["value"] = Text("activityType") },
                        new JsonObject { ["title"] = "To (Teams user ids)", ["value"] = recipients.Count == 0 ? "nobody" : string.Join(", ", recipients) },
                    },
                },
            },
        };
        if (Uri.TryCreate(Text("webUrl"), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open", ["url"] = url.ToString() } };
        return card;
    }
}
