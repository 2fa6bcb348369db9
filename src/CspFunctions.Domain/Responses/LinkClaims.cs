using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Responses;

/// <summary>What a personal link grants: one contact of one lead may answer one round of one plan until it expires.</summary>
public sealed record LinkClaims(
    [property: JsonPropertyName("p")] string Purpose,
    [property: JsonPropertyName("pl")] string PlanId,
    [property: JsonPropertyName("r")] string RoundId,
    [property: JsonPropertyName("l")] string LeadId,
    [property: JsonPropertyName("c")] string ContactEmail,
    [property: JsonPropertyName("x")] long ExpiresUnixSeconds)
{
    public const string RespondPurpose = "respond";
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresUnixSeconds);
}
