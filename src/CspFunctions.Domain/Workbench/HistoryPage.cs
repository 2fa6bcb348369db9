using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The plan across time (Workbench/Templates/history.html.sbn), one of three views: the plan's audit (every change
/// made in place: who, when, before and after), one action's every version in every round, or one lead's actions,
/// contacts, reminders sent, answers and mail.</summary>
public sealed record HistoryPage(string Title, string PlanName, string Kind)
{
    public const string Template = "history.html.sbn";

    public sealed record Change(string At, string By, string What, string? Before, string? After);

    public sealed record Version(string Round, int Number, string Status, string Rag, string Text, string GivenBy, string Channel, string At);

    public sealed record Link(string Text, string Href);

    public IReadOnlyList<Change> Changes { get; init; } = [];
    public IReadOnlyList<Version> Versions { get; init; } = [];
    public IReadOnlyList<string> Facts { get; init; } = [];
    public IReadOnlyList<Link> Actions { get; init; } = [];
    public IReadOnlyList<string> Contacts { get; init; } = [];
    public IReadOnlyList<string> Reminders { get; init; } = [];
    public IReadOnlyList<string> Mail { get; init; } = [];
    public string? EditHref { get; init; }

    public static HistoryPage Audit(Plan plan, IReadOnlyList<PlanChange> changes) => new("Plan history", plan.Name, "audit")
    {
        Changes = changes.Select(c => new Change(ManagerText.DateTime(c.At), c.By, c.What, c.Before, c.After)).ToList(),
    };

    /// <summary>On an action's page: its edit form and retiring it (a current action), or the mark that it was retired.</summary>
    public string? EditActionHref { get; init; }
    public string? RetireActionHref { get; init; }
    public bool Retired { get; init; }
    public string? Done { get; init; }

    public static HistoryPage Action(Plan plan, ActionHistory history) => new($"Action {history.Action.Ref}", plan.Name, "action")
    {
        Facts = [history.Action.Text, "Leads: " + string.Join(", ", history.Action.LeadIds.Select(id => plan.FindLead(id)?.Name ?? id)), .. history.Retired ? new[] { "Retired: kept for its history." } : []],
        Versions = history.Versions.OrderByDescending(v => v.RoundId, StringComparer.Ordinal).ThenByDescending(v => v.Version).Select(Of).ToList(),
        Retired = history.Retired,
    };

    /// <summary>An action's page with its edit and retire links; <paramref name="done"/> "retired" after retiring it.</summary>
    public static HistoryPage Action(Plan plan, ActionHistory history, ManagerLinks links, string? done) => Action(plan, history) with
    {
        EditActionHref = history.Retired ? null : ActionLinks.Edit(links, plan.Id, history.Action.Number),
        RetireActionHref = history.Retired ? null : ActionLinks.Retire(links, plan.Id, history.Action.Number),
        Done = done == "retired" && history.Retired ? $"Action {history.Action.Ref} was retired. It is not chased in new rounds and is left out of new reports; its versions stay here." : null,
    };

    public static HistoryPage Lead(LeadRecord record, ManagerLinks links) => new(record.Lead.Name, record.Plan.Name, "lead")
    {
        Facts = [record.Lead.DeputyLeadId is { } d ? "Deputy: " + (record.Plan.FindLead(d)?.Name ?? d) : "No deputy lead"],
        Actions = record.Actions.Select(a => new Link($"Action {a.Ref}: {a.Text}", PlanHistoryLinks.Action(links, record.Plan.Id, a.Number))).ToList(),
        Contacts = record.Lead.Contacts.Select(c => $"{c.Name} <{c.Email}>{(c.TeamsUserId is null ? "" : ", in Teams")}").ToList(),
        Reminders = record.Reminders.Select(r => $"{record.ReminderRounds.GetValueOrDefault(r)}: {r.StageId} by {r.Channel}{(r.Contact is null ? "" : " to " + r.Contact)}, {r.State}, {ManagerText.DateTime(r.At)}").ToList(),
        Versions = record.Answers.OrderByDescending(v => v.RoundId, StringComparer.Ordinal).ThenBy(v => v.ActionNumber).ThenByDescending(v => v.Version).Select(Of).ToList(),
        Mail = record.Mail.Select(m => $"{ManagerText.DateTime(m.ReceivedAt)} from {m.From}: {m.State}. {m.Reason}").ToList(),
        EditHref = PlanHistoryLinks.EditLead(links, record.Plan.Id, record.Lead.Id),
    };

    private static Version Of(ProgressUpdate u) => new(u.RoundId, u.Version, u.Status.Display(), u.Rag.Display(), u.Text,
        u.GivenBy + (u.RecordedBy is null ? "" : $" (recorded by {u.RecordedBy}{(u.GivenHow is null ? "" : ", given by " + u.GivenHow)}{(u.GivenOn is { } on ? " on " + ManagerText.Date(on) : "")})"),
        u.Channel switch { UpdateChannel.Manager => "Recorded by manager", UpdateChannel.Form => "Form", UpdateChannel.Email => "Email", _ => "Imported" },
        ManagerText.DateTime(u.GivenAt));
}
