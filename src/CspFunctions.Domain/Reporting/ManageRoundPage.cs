using CspFunctions.Plans;

namespace CspFunctions.Reporting;

/// <summary>One round (Reporting/Templates/manage-round.html.sbn): who has answered, per lead; generate and preview the
/// report; publish it; and the board notices with "send again".</summary>
public sealed record ManageRoundPage(
    string Title,
    string? Done,
    string PeriodLabel,
    string Due,
    string State,
    int Received,
    int Actions,
    int Outstanding,
    IReadOnlyList<ManageRoundPage.LeadRow> Leads,
    string ReportAction,
    string? PublishAction,
    ManageRoundPage.PublishedPart? Published)
{
    public const string Template = "manage-round.html.sbn";

    private static readonly Dictionary<string, string> DoneMessages = new()
    {
        ["published"] = "The report was published and the round is locked.",
        ["sent"] = "The notices were sent again.",
        ["extend"] = "The due date was moved; reminders follow the new date, and none already sent goes again.",
        ["close"] = "The round is closed: nobody is chased and the form no longer takes updates.",
        ["reopen"] = "The round is open again.",
        ["chase"] = "The lead's next reminder was sent now; the schedule will not send it again.",
        ["recorded"] = "The update was recorded on the lead's behalf; chasing stops for those actions.",
        ["opened"] = "The round is open and chasing starts today.",
    };

    /// <summary>The actions with the filters, for every round.</summary>
    public Workbench.RoundFilterPart? Filter { get; init; }
    /// <summary>The steering controls; null once published.</summary>
    public Workbench.RoundSteerPart? Steer { get; init; }
    public IReadOnlyList<Workbench.ErrorLink> Errors { get; init; } = [];
    public string? Conflict { get; init; }
    public bool HasErrors => Errors.Count > 0 || Filter?.HasErrors == true || Conflict is not null;

    /// <summary>The page from what <see cref="Workbench.RoundOverview"/> read, filtered by the query's values.</summary>
    public static ManageRoundPage Of(Workbench.RoundView view, string? done, string? status, string? rag, string? answered, string? lead, ManagerLinks links, DateTimeOffset now) =>
        For(view.Plan, view.Round, ReportBuilder.Build(view.Inputs, ReportAudience.Manager), view.Leads(), view.Publication, string.IsNullOrEmpty(done) ? null : done, links, now) with
        {
            Filter = Workbench.RoundFilterPart.For(view, status, rag, answered, lead, links),
            Steer = Workbench.RoundSteerPart.For(view.Stored, view.Round, links),
        };

    public sealed record LeadRow(string Name, string Actions, string? Outstanding, int Reminders, string? LastReminder, IReadOnlyList<string> Bounces);

    public sealed record NoticeRow(string Name, string State, string Colour, string Problem);

    /// <summary>A published round; Snapshot is null when the publication record is missing (published before records).</summary>
    public sealed record PublishedPart(string? At, string? By, string? SnapshotHtml, string? SnapshotDocx, IReadOnlyList<NoticeRow> Notices, bool Failed, int Attempts, string NotifyAction);

    public static ManageRoundPage For(Plan plan, ReportingRound round, PlanReport report, IReadOnlyList<LeadStatus> status, Publication? publication, string? done, ManagerLinks links, DateTimeOffset now)
    {
        var roundPath = $"manage/plans/{ManagerLinks.Seg(plan.Id)}/rounds/{ManagerLinks.Seg(round.Id)}";
        var snapshot = $"reports/{ManagerLinks.Seg(plan.Id)}/{ManagerLinks.Seg(round.Id)}/";
        PublishedPart? published = null;
        if (round.State == RoundState.Published || publication is not null)
        {
            published = publication is null
                ? new PublishedPart(null, null, null, null, [], false, 0, links.To(roundPath + "/notify"))
                : new PublishedPart(ManagerText.DateTime(publication.PublishedAt), publication.PublishedBy,
                    links.To(snapshot + ReportPublisher.HtmlFile), links.To(snapshot + ReportPublisher.DocxFile),
                    [Notice("Board channel (Teams Workflows)", publication.BoardNotice, publication.BoardError), Notice("Board members (Teams activity feed)", publication.MemberNotice, publication.MemberError)],
                    // Failed, or still not sent long after publishing (the queue message was lost).
                    publication.CanSendAgain(now), publication.NoticeAttempts, links.To(roundPath + "/notify"));
        }
        return new ManageRoundPage(
            $"{plan.Name}: {round.Id}",
            done is not null && DoneMessages.TryGetValue(done, out var message) ? message : null,
            report.PeriodLabel,
            ManagerText.Date(round.DueDate),
            round.State.ToString(),
            report.Overall.Received,
            report.Overall.Actions,
            report.Overall.Outstanding,
            status.Select(s => new LeadRow(s.LeadName, string.Join(", ", s.Actions.Select(plan.RefOf)), s.Outstanding.Count == 0 ? null : string.Join(", ", s.Outstanding.Select(plan.RefOf)),
                s.RemindersSent, s.LastReminder is { } last ? ManagerText.ShortDate(last) : null,
                s.Bounces.Select(b => $"{b.Email}: {b.Kind} {ManagerText.ShortDate(b.At)}").ToList())).ToList(),
            $"/api/plans/{ManagerLinks.Seg(plan.Id)}/rounds/{ManagerLinks.Seg(round.Id)}/report",
            published is null ? links.To(roundPath + "/publish") : null,
            published);
    }

    private static NoticeRow Notice(string name, NoticeState state, string? error) => state switch
    {
        NoticeState.NotConfigured => new(name, "Not configured", "grey", error ?? ""),
        NoticeState.Pending => new(name, "Not sent yet", "yellow", error ?? ""),
        NoticeState.Sent => new(name, "Sent", "green", error ?? ""),
        NoticeState.Failed => new(name, "Failed", "red", error ?? ""),
        _ => new(name, state.ToString(), "grey", error ?? ""),
    };
}
