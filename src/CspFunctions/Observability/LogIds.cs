using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Observability;

/// <summary>
/// The ids that make a log line findable: which plan, round, lead and message it is about, and which run it belongs to.
/// Only ids go here, never names, addresses, subjects, bodies or progress text (docs/observability.md).
/// </summary>
public sealed record LogIds
{
    public string? PlanId { get; init; }
    public string? RoundId { get; init; }
    public string? LeadId { get; init; }
    /// <summary>A queue message id, e-mail Message-ID or our own message id.</summary>
    public string? MessageId { get; init; }
    public CorrelationId Correlation { get; init; }

    public const string PlanIdKey = "PlanId";
    public const string RoundIdKey = "RoundId";
    public const string LeadIdKey = "LeadId";
    public const string MessageIdKey = "MessageId";
    public const string CorrelationIdKey = "CorrelationId";

    /// <summary>The ids that are set, under the property names Application Insights shows in customDimensions.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Properties
    {
        get
        {
            var list = new List<KeyValuePair<string, object?>>(5);
            if (PlanId is not null) list.Add(new(PlanIdKey, PlanId));
            if (RoundId is not null) list.Add(new(RoundIdKey, RoundId));
            if (LeadId is not null) list.Add(new(LeadIdKey, LeadId));
            if (MessageId is not null) list.Add(new(MessageIdKey, MessageId));
            if (!Correlation.IsEmpty) list.Add(new(CorrelationIdKey, Correlation.Value));
            return list;
        }
    }

    /// <summary>Span tag name of a property: "PlanId" becomes "csp.plan_id".</summary>
    public static string TagName(string key) => key switch
    {
        PlanIdKey => "csp.plan_id",
        RoundIdKey => "csp.round_id",
        LeadIdKey => "csp.lead_id",
        MessageIdKey => "csp.message_id",
        CorrelationIdKey => "csp.correlation_id",
        _ => "csp." + key.ToLowerInvariant(),
    };
}
