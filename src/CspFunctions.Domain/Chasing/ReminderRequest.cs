using System.Text.Json;

namespace CspFunctions.Chasing;

/// <summary>One queue message: send this stage to this lead on this channel. The sweep decides; a queue function sends.</summary>
public sealed record ReminderRequest(string PlanId, string RoundId, string LeadId, string StageId, string Channel, string CorrelationId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string LogKey => $"{LeadId}|{StageId}|{Channel}";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a queue message; a message that is not a reminder request is reported, never half-processed.</summary>
    public static ReminderRequest Parse(string? json)
    {
        ReminderRequest? request = null;
        try { request = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<ReminderRequest>(json, Json); }
        catch (JsonException) { }
        if (request is null || string.IsNullOrEmpty(request.PlanId) || string.IsNullOrEmpty(request.RoundId) || string.IsNullOrEmpty(request.LeadId)
            || !ChaseStageKey.TryParse(request.StageId, out _) || request.Channel is not (ReminderChannel.Email or ReminderChannel.Teams))
            throw new FormatException("The queue message is not a reminder request: " + (json is null ? "(empty)" : json.Length > 200 ? json[..200] : json));
        return request with { CorrelationId = string.IsNullOrEmpty(request.CorrelationId) ? Guid.NewGuid().ToString("N") : request.CorrelationId };
    }
}
