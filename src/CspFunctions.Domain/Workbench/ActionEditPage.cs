using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>An action edited in place, or a new one added (Workbench/Templates/action-edit.html.sbn): its reference (new
/// actions only), text, priority, leads, linked documents (one a line) and restricted flag. The form carries the action's
/// version; when someone else saved the action meanwhile, nothing is saved and their version is shown beside what was
/// entered, which stays in the form.</summary>
public sealed record ActionEditPage(
    string Title,
    string PlanName,
    string? Done,
    bool IsNew,
    string FormAction,
    string PlanHref,
    string? HistoryHref,
    string? RetireHref,
    IReadOnlyList<ErrorLink> Errors,
    string? Conflict,
    string Version,
    string Reference,
    string Text,
    IReadOnlyList<Choice> Priorities,
    IReadOnlyList<ActionEditPage.LeadChoice> Leads,
    string Documents,
    bool Restricted,
    IReadOnlyList<string> Theirs)
{
    public const string Template = "action-edit.html.sbn";

    /// <summary>One lead's checkbox; the first is "leads", so the error summary's link lands on it.</summary>
    public sealed record LeadChoice(string Id, string Value, string Text, bool Selected);

    public string? ReferenceError { get; init; }
    public string? TextError { get; init; }
    public string? PriorityError { get; init; }
    public string? LeadsError { get; init; }
    public string? DocumentsError { get; init; }

    public bool HasErrors => Errors.Count > 0 || Conflict is not null;

    public static ActionEditPage For(Plan plan, PlanAction action, string? done, ManagerLinks links) => new(
        $"Edit action {action.Ref}", plan.Name,
        done == "saved" ? $"Action {action.Ref} was saved." : done == "added" ? $"Action {action.Ref} was added to the plan." : null,
        false, ActionLinks.Edit(links, plan.Id, action.Number), links.Plan(plan.Id), PlanHistoryLinks.Action(links, plan.Id, action.Number), ActionLinks.Retire(links, plan.Id, action.Number),
        [], null, PlanEditor.VersionOf(action), action.Ref, action.Text, PrioritiesOf(plan, action.PriorityId), LeadsOf(plan, action.LeadIds),
        DocumentsText(action.Documents), action.Restricted, []);

    public static ActionEditPage New(Plan plan, ManagerLinks links) => new(
        "Add an action", plan.Name, null, true, ActionLinks.Add(links, plan.Id), links.Plan(plan.Id), null, null,
        [], null, "", "", "", PrioritiesOf(plan, null), LeadsOf(plan, []), "", false, []);

    /// <summary>The page showing what was entered (kept on an error or a conflict).</summary>
    public ActionEditPage Entered(Plan plan, string reference, PlanAction entered, string documents) => this with
    {
        Reference = IsNew ? reference : Reference,
        Text = entered.Text,
        Priorities = PrioritiesOf(plan, entered.PriorityId),
        Leads = LeadsOf(plan, entered.LeadIds),
        Documents = documents,
        Restricted = entered.Restricted,
    };

    public ActionEditPage WithOutcome(Plan plan, WorkbenchOutcome outcome) => this with
    {
        Errors = ErrorLink.Of(outcome.Errors),
        Conflict = outcome.Conflict,
        ReferenceError = ErrorOf(outcome, "reference"),
        TextError = ErrorOf(outcome, "text"),
        PriorityError = ErrorOf(outcome, "priority"),
        LeadsError = ErrorOf(outcome, "leads"),
        DocumentsError = ErrorOf(outcome, "documents"),
        Version = outcome.Theirs is PlanAction theirs ? PlanEditor.VersionOf(theirs) : Version,
        Theirs = outcome.Theirs is PlanAction t
            ? [
                $"Text: {t.Text}",
                $"Priority: {plan.Priorities.FirstOrDefault(p => p.Id == t.PriorityId)?.Title ?? t.PriorityId}",
                $"Leads: {(t.LeadIds.Count == 0 ? "none" : string.Join(", ", t.LeadIds.Select(id => plan.FindLead(id)?.Name ?? id)))}",
                .. t.Documents.Count == 0 ? ["Linked documents: none"] : t.Documents.Select(d => "Linked document: " + DocumentLine(d)),
                $"Restricted: {(t.Restricted ? "yes" : "no")}",
            ]
            : [],
    };

    /// <summary>The posted action (number 0: the editor keeps the action's own) and its documents as typed.</summary>
    public static (string Reference, PlanAction Action, string Documents) Posted(Func<string, string?> form, IReadOnlyList<string> leads)
    {
        var documents = form("documents") ?? "";
        return (form("reference") ?? "", new PlanAction(0, form("priority") ?? "", form("text") ?? "", leads, ParseDocuments(documents), form("restricted") == "yes"), documents);
    }

    /// <summary>Linked documents one a line: "Title | https://address", a title alone, or an address alone (its own title).</summary>
    public static IReadOnlyList<LinkedDocument> ParseDocuments(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(line =>
        {
            var bar = line.LastIndexOf('|');
            if (bar >= 0)
            {
                var title = line[..bar].Trim();
                var url = line[(bar + 1)..].Trim();
                return new LinkedDocument(title.Length == 0 ? url : title, url.Length == 0 ? null : url);
            }
            return IsWebAddress(line) ? new LinkedDocument(line, line) : new LinkedDocument(line);
        }).ToList();

    public static string DocumentsText(IEnumerable<LinkedDocument> documents) => string.Join("\n", documents.Select(DocumentLine));

    private static string DocumentLine(LinkedDocument d) => d.Url is null ? d.Title : d.Title == d.Url ? d.Url : $"{d.Title} | {d.Url}";

    private static bool IsWebAddress(string text) =>
        !text.Contains(' ', StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "https" or "http";

    private static IReadOnlyList<Choice> PrioritiesOf(Plan plan, string? chosen) =>
        [.. plan.Priorities.Any(p => p.Id == chosen) ? [] : new[] { new Choice("", "Choose a priority", true) }, .. plan.Priorities.Select(p => new Choice(p.Id, p.Title, p.Id == chosen))];

    private static IReadOnlyList<LeadChoice> LeadsOf(Plan plan, IReadOnlyList<string> chosen) =>
        plan.Leads.Select((l, i) => new LeadChoice(i == 0 ? "leads" : $"leads-{i + 1}", l.Id, l.Name, chosen.Contains(l.Id))).ToList();

    private static string? ErrorOf(WorkbenchOutcome outcome, string field) =>
        outcome.Errors.Where(e => e.FieldId == field).Select(e => e.Message).Distinct().ToList() is { Count: > 0 } messages ? string.Join(". ", messages) : null;
}
