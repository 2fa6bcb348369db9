using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The plan's managers and board members edited in place (Workbench/Templates/people-edit.html.sbn): who may
/// manage the plan and who may read its published reports, each matched at sign-in on their Entra object id or their
/// verified e-mail address. Rows are edited, removed (checkbox) or added (blank rows); the form carries the people's
/// version, so a change saved by someone else meanwhile shows both lists and saves nothing.</summary>
public sealed record PeopleEditPage(
    string Title,
    string PlanName,
    string? Done,
    string FormAction,
    string HistoryHref,
    IReadOnlyList<ErrorLink> Errors,
    string? Conflict,
    string Version,
    IReadOnlyList<PeopleEditPage.PersonRow> Managers,
    IReadOnlyList<PeopleEditPage.PersonRow> BoardMembers,
    IReadOnlyList<string> Theirs)
{
    public const string Template = "people-edit.html.sbn";
    public const int BlankRows = 2;
    public const string ManagerField = "manager";
    public const string BoardField = "board";

    /// <summary>One person's row: <see cref="Field"/> is "manager" or "board", so fields are manager-0-email, board-1-name, ...</summary>
    public sealed record PersonRow(string Field, string Role, int Index, string Name, string Email, string ObjectId, bool Remove, string? NameError, string? EmailError, string? ObjectIdError)
    {
        public string Prefix => $"{Field}-{Index}";
        public int Number => Index + 1;
    }

    public bool HasErrors => Errors.Count > 0 || Conflict is not null;

    public static PeopleEditPage For(Plan plan, string? done, ManagerLinks links) => new(
        "Managers and board members", plan.Name,
        done == "saved" ? "The managers and board members were saved. Access follows at once: who was added can sign in, who was removed cannot." : null,
        PlanHistoryLinks.People(links, plan.Id), PlanHistoryLinks.History(links, plan.Id),
        [], null, PlanEditor.VersionOf(PlanEditor.PeopleOf(plan)),
        RowsOf(ManagerField, "manager", plan.Managers), RowsOf(BoardField, "board member", plan.BoardMembers), []);

    private static List<PersonRow> RowsOf(string field, string role, IReadOnlyList<Contact> people) =>
        people.Select((c, i) => new PersonRow(field, role, i, c.Name, c.Email, c.TeamsUserId ?? "", false, null, null, null))
            .Concat(Enumerable.Range(people.Count, BlankRows).Select(i => new PersonRow(field, role, i, "", "", "", false, null, null, null))).ToList();

    /// <summary>The rows as posted ({field}-count rows each); a removed row goes to the editor as an empty one, so the
    /// editor's errors keep the form's row numbers.</summary>
    public static (IReadOnlyList<PersonRow> Rows, IReadOnlyList<Contact> People) Posted(Func<string, string?> form, string field, string role)
    {
        var count = int.TryParse(form($"{field}-count"), out var n) ? Math.Clamp(n, 0, 200) : 0;
        var rows = Enumerable.Range(0, count).Select(i => new PersonRow(field, role, i, form($"{field}-{i}-name") ?? "", form($"{field}-{i}-email") ?? "", form($"{field}-{i}-teams") ?? "",
            form($"{field}-{i}-remove") == "yes", null, null, null)).ToList();
        return (rows, rows.Select(r => r.Remove ? new Contact("", "", null) : new Contact(r.Name, r.Email, r.ObjectId)).ToList());
    }

    public PeopleEditPage WithOutcome(WorkbenchOutcome outcome)
    {
        PersonRow Marked(PersonRow r) => r with
        {
            NameError = outcome.Errors.FirstOrDefault(e => e.FieldId == r.Prefix + "-name")?.Message,
            EmailError = outcome.Errors.FirstOrDefault(e => e.FieldId == r.Prefix + "-email")?.Message,
            // The Entra object id is the id Teams uses too, so its field keeps the lead contacts' "-teams" name.
            ObjectIdError = outcome.Errors.FirstOrDefault(e => e.FieldId == r.Prefix + "-teams")?.Message,
        };
        return this with
        {
            Errors = ErrorLink.Of(outcome.Errors),
            Conflict = outcome.Conflict,
            Managers = Managers.Select(Marked).ToList(),
            BoardMembers = BoardMembers.Select(Marked).ToList(),
            Theirs = outcome.Theirs is PlanPeople theirs
                ? [.. theirs.Managers.Select(c => "Manager: " + Describe(c)), .. theirs.BoardMembers.Select(c => "Board member: " + Describe(c))]
                : [],
        };
    }

    private static string Describe(Contact c) => $"{c.Name} <{c.Email}>{(c.TeamsUserId is null ? "" : " (Entra object id " + c.TeamsUserId + ")")}";
}
