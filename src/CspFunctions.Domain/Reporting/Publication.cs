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
    int NoticeAttempts)
{
    /// <summary>Longer than a queue message takes to be sent and retried: a notice still Pending after this was lost
    /// (e.g. the publish request stopped between its commit and the queue message).</summary>
    public static readonly TimeSpan StalePendingAfter = TimeSpan.FromMinutes(15);

    /// <summary>"Send again" is offered for a failed notice, and for one still not sent long after publication.</summary>
    public bool CanSendAgain(DateTimeOffset now) =>
        BoardNotice == NoticeState.Failed || MemberNotice == NoticeState.Failed
        || ((BoardNotice == NoticeState.Pending || MemberNotice == NoticeState.Pending) && now - PublishedAt > StalePendingAfter);
}
