using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>A lead edited in place (Workbench/Templates/lead-edit.html.sbn): its name, deputy and contacts (edit, remove,
/// add), and each bouncing contact's "fixed" button. The form carries the lead's version; when someone else saved the lead
/// meanwhile, nothing is saved and their version is shown beside what was entered, which stays in the form.</summary>
public sealed record LeadEditPage(
    string Title,
    string PlanName,
    string? Done,
    string FormAction,
    string BounceAction,
    string LeadHref,
    IReadOnlyList<ErrorLink> Errors,
    string? Conflict,
    string Version,
    string Name,
    string? NameError,
    IReadOnlyList<Choice> Deputies,
    string? DeputyError,
    IReadOnlyList<LeadEditPage.ContactRow> Contacts,
    IReadOnlyList<string> Theirs)
{
    public const string Template = "lead-edit.html.sbn";
    public const int BlankRows = 2;

    public sealed record ContactRow(int Index, string Name, string Email, string Teams, bool Remove, string? NameError, string? EmailError, string? TeamsError, string? Bounce)
    {
        public string Prefix => $"contact-{Index}";
        public int Number => Index + 1;
    }

    public bool HasErrors => Errors.Count > 0 || Conflict is not null;

    public static LeadEditPage For(Plan plan, Lead lead, IReadOnlyList<ContactIssue> issues, string? done, ManagerLinks links)
    {
        var rows = lead.Contacts.Select((c, i) => new ContactRow(i, c.Name, c.Email, c.TeamsUserId ?? "", false, null, null, null, BounceOf(issues, c.Email)))
            .Concat(Enumerable.Range(lead.Contacts.Count, BlankRows).Select(i => new ContactRow(i, "", "", "", false, null, null, null, null))).ToList();
        return new LeadEditPage($"Edit {lead.Name}", plan.Name, done == "saved" ? "The lead was saved." : done == "fixed" ? "The bounce was marked fixed; the address is used again." : null,
            PlanHistoryLinks.EditLead(links, plan.Id, lead.Id), PlanHistoryLinks.EditLead(links, plan.Id, lead.Id) + "/bounce-fixed", PlanHistoryLinks.Lead(links, plan.Id, lead.Id),
            [], null, PlanEditor.VersionOf(lead), lead.Name, null, DeputiesOf(plan, lead, lead.DeputyLeadId), null, rows, []);
    }

    /// <summary>The contacts as posted (row i of contact-count rows; a removed row is sent to the editor as an empty one, so
    /// the editor's errors keep the form's row numbers).</summary>
    public static (IReadOnlyList<ContactRow> Rows, IReadOnlyList<Contact> Contacts) Posted(Func<string, string?> form, IReadOnlyList<ContactIssue> issues)
    {
        var count = int.TryParse(form("contact-count"), out var n) ? Math.Clamp(n, 0, 200) : 0;
        var rows = Enumerable.Range(0, count).Select(i => new ContactRow(i, form($"contact-{i}-name") ?? "", form($"contact-{i}-email") ?? "", form($"contact-{i}-teams") ?? "",
            form($"contact-{i}-remove") == "yes", null, null, null, BounceOf(issues, form($"contact-{i}-email") ?? ""))).ToList();
        return (rows, rows.Select(r => r.Remove ? new Contact("", "", null) : new Contact(r.Name, r.Email, r.Teams)).ToList());
    }

    public static IReadOnlyList<Choice> DeputiesOf(Plan plan, Lead lead, string? chosen) =>
        [new Choice("", "No deputy", string.IsNullOrEmpty(chosen)), .. plan.Leads.Where(l => l.Id != lead.Id).Select(l => new Choice(l.Id, l.Name, l.Id == chosen))];

    public LeadEditPage WithOutcome(WorkbenchOutcome outcome) => this with
    {
        Errors = ErrorLink.Of(outcome.Errors),
        Conflict = outcome.Conflict,
        NameError = outcome.Errors.FirstOrDefault(e => e.FieldId == "name")?.Message,
        DeputyError = outcome.Errors.FirstOrDefault(e => e.FieldId == "deputy")?.Message,
        Contacts = Contacts.Select(r => r with
        {
            NameError = outcome.Errors.FirstOrDefault(e => e.FieldId == r.Prefix + "-name")?.Message,
            EmailError = outcome.Errors.FirstOrDefault(e => e.FieldId == r.Prefix + "-email")?.Message,
            TeamsError = outcome.Errors.FirstOrDefault(e => e.FieldId == r.Prefix + "-teams")?.Message,
        }).ToList(),
        Theirs = outcome.Theirs is Lead theirs
            ? [$"Name: {theirs.Name}", $"Deputy: {theirs.DeputyLeadId ?? "none"}", .. theirs.Contacts.Select(c => $"Contact: {c.Name} <{c.Email}>{(c.TeamsUserId is null ? "" : " (Teams " + c.TeamsUserId + ")")}")]
            : [],
    };

    private static string? BounceOf(IReadOnlyList<ContactIssue> issues, string email) =>
        issues.FirstOrDefault(i => i.Email.Equals(email.Trim(), StringComparison.OrdinalIgnoreCase)) is { } i ? $"{i.Kind} on {ManagerText.ShortDate(i.At)}" : null;
}
