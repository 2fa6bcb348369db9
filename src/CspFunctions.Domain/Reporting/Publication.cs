namespace CspFunctions.Reporting;

/// <summary>A published round: when, by whom, where its snapshot is, and how telling the board went.</summary>
public sealed record Publication(
    string PlanId,
    string RoundId,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    string CardJson,
    NoticeState BoardNotice,
    string? BoardError,
    NoticeState MemberNotice,
    string? MemberError,
    int NoticeAttempts);
