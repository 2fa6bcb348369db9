using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>
/// Edits a plan in place: one lead, one action or the plan's people at a time. Each form carries the version
/// (<see cref="VersionOf"/>) of the thing it edits; if that thing changed since, the edit is a conflict showing the
/// current one and nothing is saved. Only the edited row is written, guarded by its own ETag, so changes to other
/// parts of the plan made meanwhile are kept. Every saved change is audited with before and after.
/// </summary>
public sealed class PlanEditor(IPlanStore plans, IPlanAudit audit, IBounceRecords bounces, TimeProvider clock)
{
    private const int Attempts = 4;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Describe(object? thing) => JsonSerializer.Serialize(thing, Json);

    /// <summary>A short fingerprint of a lead, action or people list, carried by the edit form.</summary>
    public static string VersionOf(object? thing) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Describe(thing))))[..16];

    public static PlanPeople PeopleOf(Plan plan) => new(plan.Managers, plan.BoardMembers);

    public Task<WorkbenchOutcome> EditLeadAsync(string planId, string leadId, string baseVersion, string name, string? deputyLeadId, IReadOnlyList<Contact> contacts, string by, CancellationToken ct = default) =>
        ChangeAsync(planId, $"Lead {leadId}", p => p.FindLead(leadId), baseVersion, by, plan =>
        {
            var errors = new List<FieldError>();
            var lead = plan.FindLead(leadId)!;
            name = (name ?? "").Trim();
            if (name.Length == 0) errors.Add(new("name", "Enter the lead's name"));
            else if (name.Length > StorageLimits.MaxShortTextLength) errors.Add(new("name", $"The name must be {StorageLimits.MaxShortTextLength} characters or fewer"));
            deputyLeadId = string.IsNullOrWhiteSpace(deputyLeadId) ? null : deputyLeadId.Trim();
            if (deputyLeadId == leadId) errors.Add(new("deputy", "A lead cannot be its own deputy"));
            else if (deputyLeadId is not null && plan.FindLead(deputyLeadId) is null) errors.Add(new("deputy", "Choose a deputy lead from the plan"));
            var cleaned = CheckContacts(contacts, "contact", errors, requireOne: false);
            return (errors, plan with { Leads = plan.Leads.Select(l => l.Id == leadId ? lead with { Name = name, DeputyLeadId = deputyLeadId, Contacts = cleaned } : l).ToList() });
        }, () => [LeadRow(leadId)], ct);

    /// <summary>The manager says a bouncing address works again (or was fixed elsewhere): its delivery problem is cleared.</summary>
    public async Task<WorkbenchOutcome> MarkBounceFixedAsync(string planId, string leadId, string email, string by, CancellationToken ct = default)
    {
        var stored = await plans.GetAsync(planId, ct);
        var lead = stored?.Plan.FindLead(leadId);
        if (stored is null || lead is null) return WorkbenchOutcome.Refused(new FieldError("lead", "That plan or lead does not exist"));
        if (!lead.Contacts.Any(c => c.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
            return WorkbenchOutcome.Refused(new FieldError("contact", $"{email} is not a contact of {lead.Name}"));
        await bounces.ClearAsync(planId, email, ct);
        await audit.RecordAsync(new PlanChange(planId, clock.GetUtcNow(), by, $"Lead {leadId}: bounce of {email} marked fixed", null, null), ct);
        return WorkbenchOutcome.Saved;
    }

    /// <summary>Adds one contact to a lead (accepting a held sender); an address the lead already has is not added twice.</summary>
    public Task<WorkbenchOutcome> AddContactAsync(string planId, string leadId, Contact contact, string by, CancellationToken ct = default) =>
        ChangeAsync(planId, $"Lead {leadId}", p => p.FindLead(leadId), baseVersion: null, by, plan =>
        {
            var errors = new List<FieldError>();
            var lead = plan.FindLead(leadId)!;
            var cleaned = CheckContacts([contact], "contact", errors, requireOne: true);
            if (errors.Count > 0 || lead.Contacts.Any(c => c.Email.Equals(cleaned[0].Email, StringComparison.OrdinalIgnoreCase))) return (errors, plan);
            return (errors, plan with { Leads = plan.Leads.Select(l => l.Id == leadId ? l with { Contacts = [.. l.Contacts, cleaned[0]] } : l).ToList() });
        }, () => [LeadRow(leadId)], ct);

    /// <summary>How pages, the audit and conflicts name the action stored under <paramref name="number"/>: "Action 1.10".</summary>
    public static string ActionName(Plan plan, int number) => "Action " + plan.RefOf(number);

    public Task<WorkbenchOutcome> EditActionAsync(string planId, int number, string baseVersion, PlanAction edited, string by, CancellationToken ct = default) =>
        ChangeAsync(planId, $"Action {number}", p => p.Actions.FirstOrDefault(a => a.Number == number), baseVersion, by, plan =>
        {
            var errors = new List<FieldError>();
            var current = plan.Actions.First(a => a.Number == number);
            var action = CheckAction(plan, edited with { Number = number }, errors) with { CarriedFrom = current.CarriedFrom, Reference = current.Reference };
            return (errors, plan with { Actions = plan.Actions.Select(a => a.Number == number ? action : a).ToList() });
        }, () => [ActionRow(number)], ct, whatOf: p => ActionName(p, number));

    /// <summary>Adds an action under the reference the manager gave ("1.10"; unique in the plan, retired actions
    /// included) and the next free internal number (never one a retired action had).</summary>
    public async Task<(WorkbenchOutcome Outcome, int Number)> AddActionAsync(string planId, string reference, PlanAction added, string by, CancellationToken ct = default)
    {
        var number = 0;
        string? written = null;
        var outcome = await ChangeAsync(planId, "A new action", _ => null, baseVersion: null, by, plan =>
        {
            var errors = new List<FieldError>();
            written = CheckReference(plan, reference, errors);
            number = plan.Actions.Concat(plan.RetiredActions).Select(a => a.Number).DefaultIfEmpty(0).Max() + 1;
            if (number > StorageLimits.MaxActionNumber) errors.Add(new("reference", "The plan has no action numbers left"));
            var action = CheckAction(plan, added with { Number = number }, errors) with
            {
                CarriedFrom = null,
                Reference = written is null || written == number.ToString(System.Globalization.CultureInfo.InvariantCulture) ? null : written,
            };
            // Stored after the imported ones; the report lists each priority's actions in the natural order of their references.
            return (errors, plan with { Actions = [.. plan.Actions, action] });
        }, () => [ActionRow(number)], ct, after: p => p.Actions.FirstOrDefault(a => a.Number == number), adds: true, whatAfter: () => $"Action {written} (added)");
        return (outcome, outcome.IsSaved ? number : 0);
    }

    /// <summary>Takes an action out of the plan: it is not chased in new rounds nor shown in new reports; its updates stay
    /// in every round's history and its page stays, marked retired.</summary>
    public Task<WorkbenchOutcome> RetireActionAsync(string planId, int number, string baseVersion, string by, CancellationToken ct = default)
    {
        var name = $"Action {number}";
        return ChangeAsync(planId, name, p => p.Actions.FirstOrDefault(a => a.Number == number), baseVersion, by, plan =>
        {
            var action = plan.Actions.First(a => a.Number == number);
            return ([], plan with { Actions = plan.Actions.Where(a => a.Number != number).ToList(), RetiredActions = [.. plan.RetiredActions, action] });
        }, () => [RetiredRow(number), ActionRow(number)], ct, after: _ => null, whatAfter: () => name + " (retired)", whatOf: p => name = ActionName(p, number));
    }

    /// <summary>Replaces the plan's managers and board members (who may manage the plan and read its published reports).
    /// With <paramref name="editor"/> (the signed-in manager; an Admin is never locked out) the change must not lock them
    /// out: leaving no manager is refused, and so is taking themselves off unless a manager who was one before stays.</summary>
    public Task<WorkbenchOutcome> EditPeopleAsync(string planId, string baseVersion, IReadOnlyList<Contact> managers, IReadOnlyList<Contact> boardMembers, string by, CancellationToken ct = default,
        Access.SignedInUser? editor = null) =>
        ChangeAsync(planId, "Managers and board members", PeopleOf, baseVersion, by, plan =>
        {
            var errors = new List<FieldError>();
            var m = CheckContacts(managers, "manager", errors, requireOne: true, objectId: true);
            var b = CheckContacts(boardMembers, "board", errors, requireOne: false, objectId: true);
            if (errors.Count == 0 && editor is { IsAdmin: false } && !m.Any(c => Access.AccessRules.Matches(editor, c))
                && !m.Any(c => plan.Managers.Any(p => !Access.AccessRules.Matches(editor, p) && p.Email.Equals(c.Email, StringComparison.OrdinalIgnoreCase))))
                errors.Add(new(FirstRemovedManager(managers, editor), "You cannot take yourself off as the last manager: add another manager and save first, or ask them to remove you"));
            return (errors, plan with { Managers = m, BoardMembers = b });
        }, () => ["plan"], ct);

    /// <summary>The form field the lock-out message points at: the editor's own row (or the first row).</summary>
    private static string FirstRemovedManager(IReadOnlyList<Contact> posted, Access.SignedInUser editor)
    {
        for (var i = 0; i < posted.Count; i++)
            if (Access.AccessRules.Matches(editor, posted[i])) return $"manager-{i}-email";
        return "manager-0-email";
    }

    private async Task<WorkbenchOutcome> ChangeAsync(string planId, string what, Func<Plan, object?> select, string? baseVersion, string by,
        Func<Plan, (IReadOnlyList<FieldError> Errors, Plan Next)> apply, Func<IReadOnlyList<string>> rows, CancellationToken ct, Func<Plan, object?>? after = null, bool adds = false, Func<string>? whatAfter = null, Func<Plan, string>? whatOf = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await plans.GetAsync(planId, ct);
            if (stored is null) return WorkbenchOutcome.Refused(new FieldError("plan", $"There is no plan '{planId}'"));
            what = whatOf?.Invoke(stored.Plan) ?? what;
            var before = select(stored.Plan);
            if (before is null && !adds)
                return baseVersion is null
                    ? WorkbenchOutcome.Refused(new FieldError("plan", $"{what} is not in the plan"))
                    : WorkbenchOutcome.Conflicted($"{what} was removed by someone else since you opened it; nothing was saved.", null);
            if (baseVersion is not null && VersionOf(before) != baseVersion)
                return WorkbenchOutcome.Conflicted($"Someone else changed {what} since you opened it; nothing was saved. Their version is shown beside yours.", before);

            var (errors, next) = apply(stored.Plan);
            if (errors.Count > 0) return WorkbenchOutcome.Refused(errors);
            if (ReferenceEquals(next, stored.Plan)) return WorkbenchOutcome.Saved;
            try { await plans.SavePartsAsync(next, stored, rows(), ct); }
            catch (ConcurrencyConflictException) when (attempt < Attempts) { continue; }
            catch (ConcurrencyConflictException ex) { return WorkbenchOutcome.Conflicted(ex.Message, null); }
            var afterThing = after is null ? select(next) : after(next);
            await audit.RecordAsync(new PlanChange(planId, clock.GetUtcNow(), by, whatAfter?.Invoke() ?? what, before is null ? null : Describe(before), afterThing is null ? null : Describe(afterThing)), ct);
            return WorkbenchOutcome.Saved;
        }
    }

    private static string LeadRow(string id) => "lead|" + id;
    private static string ActionRow(int number) => $"action|{number:D5}";
    private static string RetiredRow(int number) => $"retired|{number:D5}";

    private static List<Contact> CheckContacts(IReadOnlyList<Contact> contacts, string field, List<FieldError> errors, bool requireOne, bool objectId = false)
    {
        var cleaned = new List<Contact>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            var name = (c.Name ?? "").Trim();
            var email = (c.Email ?? "").Trim();
            var teams = string.IsNullOrWhiteSpace(c.TeamsUserId) ? null : c.TeamsUserId.Trim();
            if (name.Length == 0 && email.Length == 0 && teams is null) continue; // an empty row of the form
            var ok = true;
            if (name.Length == 0 || name.Length > 200) { errors.Add(new($"{field}-{i}-name", $"Enter a name of 200 characters or fewer for {field} {i + 1}")); ok = false; }
            if (!PlanValidator.IsValidEmail(email)) { errors.Add(new($"{field}-{i}-email", $"Enter an email address like name@example.org for {field} {i + 1}")); ok = false; }
            else if (!seen.Add(email)) { errors.Add(new($"{field}-{i}-email", $"{email} is listed twice")); ok = false; }
            if (teams is { Length: > 100 }) { errors.Add(new($"{field}-{i}-teams", $"The Teams user id of {field} {i + 1} is too long")); ok = false; }
            // Managers and board members are matched on it at sign-in, so it must be an Entra object id (a GUID).
            else if (objectId && teams is not null && !Guid.TryParse(teams, out _)) { errors.Add(new($"{field}-{i}-teams", $"The Entra object id of {field} {i + 1} must look like 00000000-0000-0000-0000-000000000000")); ok = false; }
            if (ok) cleaned.Add(new Contact(name, email, teams));
        }
        if (requireOne && cleaned.Count == 0 && errors.Count == 0) errors.Add(new($"{field}-0-email", $"Enter at least one {field} with a name and email address"));
        return cleaned;
    }

    /// <summary>The reference as stored ("1.10"), or null with an error: required, written as the plan writes them, and
    /// not one any action of the plan has or had (compared as the import compares them, ignoring case).</summary>
    private static string? CheckReference(Plan plan, string reference, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(reference)) { errors.Add(new("reference", "Enter the new action's reference, like 1.10")); return null; }
        var written = ActionReference.Parse(reference, out var problem);
        if (written is null) { errors.Add(new("reference", problem is null ? "Enter the new action's reference, like 1.10" : char.ToUpperInvariant(problem[0]) + problem[1..])); return null; }
        if (plan.Actions.FirstOrDefault(a => a.Ref.Equals(written, StringComparison.OrdinalIgnoreCase)) is { } taken)
            errors.Add(new("reference", $"Action {taken.Ref} is already in the plan; choose another reference"));
        else if (plan.RetiredActions.FirstOrDefault(a => a.Ref.Equals(written, StringComparison.OrdinalIgnoreCase)) is { } retired)
            errors.Add(new("reference", $"Action {retired.Ref} was retired and keeps its reference for its history; choose another reference"));
        return written;
    }

    private static PlanAction CheckAction(Plan plan, PlanAction action, List<FieldError> errors)
    {
        var text = (action.Text ?? "").Trim();
        if (text.Length == 0) errors.Add(new("text", "Enter the action's text"));
        else if (text.Length > StorageLimits.MaxTextLength) errors.Add(new("text", $"The action's text must be {StorageLimits.MaxTextLength} characters or fewer"));
        if (plan.Priorities.All(p => p.Id != action.PriorityId)) errors.Add(new("priority", "Choose a priority of the plan"));
        var leads = action.LeadIds.Where(l => !string.IsNullOrWhiteSpace(l)).Distinct().ToList();
        foreach (var unknown in leads.Where(l => plan.FindLead(l) is null)) errors.Add(new("leads", $"'{unknown}' is not a lead of the plan"));
        if (leads.Count == 0) errors.Add(new("leads", "Choose at least one lead"));
        var documents = action.Documents.Where(d => !string.IsNullOrWhiteSpace(d.Title) || !string.IsNullOrWhiteSpace(d.Url))
            .Select(d => new LinkedDocument((d.Title ?? "").Trim(), string.IsNullOrWhiteSpace(d.Url) ? null : d.Url.Trim())).ToList();
        foreach (var d in documents)
        {
            if (d.Title.Length is 0 or > StorageLimits.MaxShortTextLength) errors.Add(new("documents", "Give every linked document a title of 1,000 characters or fewer"));
            if (d.Url is not null && !(Uri.TryCreate(d.Url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http")) errors.Add(new("documents", $"'{d.Url}' is not a web address (https://...)"));
        }
        return action with { Text = text, LeadIds = leads, Documents = documents };
    }
}
