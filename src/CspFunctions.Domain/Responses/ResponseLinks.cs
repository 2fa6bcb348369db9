using CspFunctions.Plans;

namespace CspFunctions.Responses;

/// <summary>The personal link a reminder carries: "{PublicBaseUrl}/api/respond/{token}".</summary>
public static class ResponseLinks
{
    /// <summary>How long after the round's due date a link keeps working, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromDays(14);

    /// <summary>How long a link sent on request ("send me a fresh link") works when the round's own grace has passed.</summary>
    public static readonly TimeSpan RenewedLinkLifetime = TimeSpan.FromDays(7);

    public static string FormUrl(string publicBaseUrl, string token) => $"{publicBaseUrl.TrimEnd('/')}/api/respond/{Uri.EscapeDataString(token)}";

    public static string RenewUrl(string publicBaseUrl, string token) => FormUrl(publicBaseUrl, token) + "/renew";

    /// <summary>Claims for one contact of one lead in one round, valid until the end of the due date (UTC) plus the grace period.</summary>
    public static LinkClaims ClaimsFor(Plan plan, ReportingRound round, Lead lead, Contact contact, TimeSpan? grace = null) =>
        new(LinkClaims.RespondPurpose, plan.Id, round.Id, lead.Id, contact.Email, ExpiryFor(round, grace).ToUnixTimeSeconds());

    public static DateTimeOffset ExpiryFor(ReportingRound round, TimeSpan? grace = null) =>
        new DateTimeOffset(round.DueDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + (grace ?? DefaultGrace);
}
