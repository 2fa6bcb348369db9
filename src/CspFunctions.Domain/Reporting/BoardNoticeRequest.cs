using System.Text.Json;

namespace CspFunctions.Reporting;

/// <summary>One queue message: tell the board that this round was published. <see cref="BaseUrl"/> is where the snapshot is served.</summary>
public sealed record BoardNoticeRequest(string PlanId, string RoundId, string BaseUrl)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a queue message; one that is not a board-notice request is reported, never half-processed.</summary>
    public static BoardNoticeRequest Parse(string? json)
    {
        BoardNoticeRequest? request = null;
        try { request = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<BoardNoticeRequest>(json, Json); }
        catch (JsonException) { }
        if (request is null || string.IsNullOrEmpty(request.PlanId) || string.IsNullOrEmpty(request.RoundId) || !Uri.TryCreate(request.BaseUrl, UriKind.Absolute, out _))
            throw new FormatException("The queue message is not a board-notice request: " + (json is null ? "(empty)" : json.Length > 200 ? json[..200] : json));
        return request;
    }
}
