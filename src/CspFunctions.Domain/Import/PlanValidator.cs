using System.Net.Mail;
using System.Text.RegularExpressions;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Import;

/// <summary>Checks a whole plan document and reports every problem at once; all-or-nothing.</summary>
public static partial class PlanValidator
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static bool IsValidEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || email.Any(char.IsWhiteSpace)) return false;
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !string.IsNullOrEmpty(parsed.DisplayName)) return false;
        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        return at > 0 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..");
    }

    /// <param name="existing">The stored plan this document replaces, if any: an action keeps the internal number its
    /// reference had there, so progress history stays with it.</param>
    // Runs once per import over every action: compiled optimised at its first call (see PlanTableReader.Read).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ValidatedPlan Validate(PlanDocument doc, Plan? existing = null)
    {
        var problems = new List<ImportProblem>();
        void Problem(int? row, string field, string message) => problems.Add(new ImportProblem(row, field, message));

        if (!IsValidId(doc.Id)) Problem(null, "id", "the plan id is required: lower-case letters, digits and hyphens, at most 64 characters");
        CheckText(doc.Name, null, "name", "the plan name", StorageLimits.MaxShortTextLength, required: true);
        if (doc.FinancialYearStart is not (>= 2000 and <= 2200)) Problem(null, "financialYearStart", "the financial year's starting calendar year is required (e.g. 2018 for 2018-19)");
        var timeZone = string.IsNullOrWhiteSpace(doc.TimeZone) ? "Europe/London" : doc.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)) Problem(null, "timeZone", $"'{timeZone}' is not a known time zone (use e.g. Europe/London)");
        CheckText(doc.Introduction, null, "introduction", "the introduction", StorageLimits.MaxTextLength, required: false);

        var managers = ValidateContacts(doc.Managers, null, "managers");
        if (managers.Count == 0 && (doc.Managers is null || doc.Managers.Count == 0))
            Problem(null, "managers", "at least one CSP manager contact (name and email) is required");
        var boardMembers = ValidateContacts(doc.BoardMembers, null, "boardMembers");

        var priorities = new List<Priority>();
        var priorityIds = new HashSet<string>();
        for (var i = 0; i < (doc.Priorities?.Count ?? 0); i++)
        {
            var p = doc.Priorities![i];
            var row = i + 1;
            if (!IsValidId(p.Id)) { Problem(row, "priorities.id", $"priority id '{p.Id}' must be lower-case letters, digits and hyphens"); continue; }
            if (!priorityIds.Add(p.Id!)) { Problem(row, "priorities.id", $"priority id '{p.Id}' is used twice"); continue; }
            if (CheckText(p.Title, row, "priorities.title", "the priority title", StorageLimits.MaxShortTextLength, required: true))
                priorities.Add(new Priority(p.Id!, p.Title!.Trim()));
        }
        if (doc.Priorities is null || doc.Priorities.Count == 0) Problem(null, "priorities", "the plan needs at least one priority");

        var leads = new List<Lead>();
        var leadIds = new HashSet<string>();
        for (var i = 0; i < (doc.Leads?.Count ?? 0); i++)
        {
            var l = doc.Leads![i];
            var row = i + 1;
            if (!IsValidId(l.Id)) { Problem(row, "leads.id", $"lead id '{l.Id}' must be lower-case letters, digits and hyphens"); continue; }
            if (!leadIds.Add(l.Id!)) { Problem(row, "leads.id", $"lead id '{l.Id}' is used twice"); continue; }
            var nameOk = CheckText(l.Name, row, "leads.name", "the lead name", StorageLimits.MaxShortTextLength, required: true);
            var contacts = ValidateContacts(l.Contacts, row, "leads.contacts");
            if (nameOk) leads.Add(new Lead(l.Id!, l.Name!.Trim(), contacts, string.IsNullOrWhiteSpace(l.DeputyLeadId) ? null : l.DeputyLeadId.Trim()));
        }
        for (var i = 0; i < (doc.Leads?.Count ?? 0); i++)
        {
            var l = doc.Leads![i];
            if (string.IsNullOrWhiteSpace(l.DeputyLeadId)) continue;
            if (l.DeputyLeadId == l.Id) Problem(i + 1, "leads.deputyLeadId", "a lead cannot be its own deputy");
            else if (!leadIds.Contains(l.DeputyLeadId.Trim())) Problem(i + 1, "leads.deputyLeadId", $"deputy lead '{l.DeputyLeadId}' is not a lead in this plan");
        }

        var actions = new List<PlanAction>();
        var (references, assigned) = AssignNumbers(doc.Actions ?? [], existing, Problem);
        var numbers = new Dictionary<int, int>();
        var byReference = new Dictionary<string, (int Number, int Row)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (doc.Actions?.Count ?? 0); i++)
        {
            var a = doc.Actions![i];
            var row = a.SourceRow ?? i + 1;
            var ok = true;
            var reference = references[i];
            var number = assigned[i] ?? 0;
            if (reference is null || assigned[i] is null)
            {
                ok = false; // reported by AssignNumbers
            }
            else if (byReference.TryGetValue(reference, out var first))
            {
                Problem(row, "actions.number", $"action number {reference} is used twice (first at row {first.Row})");
                ok = false;
            }
            else if (numbers.TryGetValue(number, out var firstRow))
            {
                Problem(row, "actions.number", $"action number {number} is used twice (first at row {firstRow})");
                ok = false;
            }
            else
            {
                numbers[number] = row;
                byReference[reference] = (number, row);
            }

            ok &= CheckText(a.Text, row, "actions.text", "the action text", StorageLimits.MaxTextLength, required: true);
            if (string.IsNullOrWhiteSpace(a.PriorityId)) { Problem(row, "actions.priority", "the action's priority is missing"); ok = false; }
            else if (!priorityIds.Contains(a.PriorityId)) { Problem(row, "actions.priority", $"unknown priority '{a.PriorityId}'"); ok = false; }

            var actionLeads = new List<string>();
            foreach (var leadId in a.LeadIds ?? [])
            {
                if (!leadIds.Contains(leadId)) { Problem(row, "actions.leads", $"unknown lead '{leadId}'"); ok = false; }
                else if (!actionLeads.Contains(leadId)) actionLeads.Add(leadId);
            }

            var documents = new List<LinkedDocument>();
            foreach (var d in a.Documents ?? [])
            {
                if (!CheckText(d.Title, row, "actions.documents", "the linked document's title", StorageLimits.MaxShortTextLength, required: true)) { ok = false; continue; }
                if (!string.IsNullOrWhiteSpace(d.Url) && !(Uri.TryCreate(d.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                {
                    Problem(row, "actions.documents", $"the linked document's address '{d.Url}' is not an http(s) URL");
                    ok = false;
                    continue;
                }
                documents.Add(new LinkedDocument(d.Title!.Trim(), string.IsNullOrWhiteSpace(d.Url) ? null : d.Url.Trim()));
            }

            if (a.CarriedFrom is { Length: > StorageLimits.MaxShortTextLength }) { Problem(row, "actions.carriedFrom", "the carried-from reference is too long"); ok = false; }
            if (ok) actions.Add(new PlanAction(number, a.PriorityId!, NormaliseText(a.Text!), actionLeads, documents, a.Restricted ?? false)
            {
                CarriedFrom = string.IsNullOrWhiteSpace(a.CarriedFrom) ? null : a.CarriedFrom.Trim(),
                Reference = ActionReference.Whole(reference!) == number ? null : reference,
            });
        }
        if (doc.Actions is null || doc.Actions.Count == 0) Problem(null, "actions", "the plan has no actions");

        var updates = new List<SeedUpdate>();
        for (var i = 0; i < (doc.Updates?.Count ?? 0); i++)
        {
            var u = doc.Updates![i];
            var row = u.SourceRow ?? i + 1;
            var ok = true;
            if (!FinancialQuarter.TryParseRoundId(u.RoundId, out _)) { Problem(row, "updates.roundId", $"round '{u.RoundId}' is not a financial quarter like 2018-19-Q4"); ok = false; }
            int? actionNumber = u.ActionReference is { } written
                ? ActionReference.Parse(written, out _) is { } r && byReference.TryGetValue(r, out var found) ? found.Number : null
                : u.ActionNumber is { } n && numbers.ContainsKey(n) ? n : null;
            if (actionNumber is null) { Problem(row, "updates.actionNumber", $"update for unknown action {u.ActionReference ?? u.ActionNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)}"); ok = false; }
            var status = ProgressStatus.NotGiven;
            if (!string.IsNullOrWhiteSpace(u.Status) && !ProgressWords.TryStatus(u.Status, out status)) { Problem(row, "updates.status", $"unknown status '{u.Status}' (use {ProgressWords.StatusWords})"); ok = false; }
            var rag = Rag.NotGiven;
            if (!string.IsNullOrWhiteSpace(u.Rag) && !ProgressWords.TryRag(u.Rag, out rag)) { Problem(row, "updates.rag", $"unknown RAG rating '{u.Rag}' (use Red, Amber or Green)"); ok = false; }
            ok &= CheckText(u.Text, row, "updates.text", "the progress text", StorageLimits.MaxTextLength, required: true);
            var channel = UpdateChannel.Import;
            if (!string.IsNullOrWhiteSpace(u.Channel) && !Enum.TryParse(u.Channel, ignoreCase: true, out channel)) { Problem(row, "updates.channel", $"unknown channel '{u.Channel}'"); ok = false; }
            if (ok) updates.Add(new SeedUpdate(u.RoundId!, actionNumber!.Value, status, rag, NormaliseText(u.Text!), string.IsNullOrWhiteSpace(u.GivenBy) ? "Imported" : u.GivenBy.Trim(), channel));
        }
        var duplicateUpdates = updates.GroupBy(u => (u.RoundId, u.ActionNumber)).Where(g => g.Count() > 1);
        foreach (var dup in duplicateUpdates)
            Problem(null, "updates", $"action {actions.FirstOrDefault(x => x.Number == dup.Key.ActionNumber)?.Ref ?? dup.Key.ActionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)} has {dup.Count()} updates for {dup.Key.RoundId}; give one");

        if (problems.Count > 0) throw new PlanImportException(problems);

        var priorityOrder = new Dictionary<string, int>(priorities.Count);
        for (var p = 0; p < priorities.Count; p++) priorityOrder[priorities[p].Id] = p;
        var plan = new Plan(doc.Id!, doc.Name!.Trim(), doc.FinancialYearStart!.Value, timeZone,
            string.IsNullOrWhiteSpace(doc.Introduction) ? null : NormaliseText(doc.Introduction), managers, priorities, leads,
            actions.OrderBy(a => priorityOrder.GetValueOrDefault(a.PriorityId, -1)).ThenBy(a => a.Ref, ActionReference.NaturalOrder).ToList()) { BoardMembers = boardMembers };
        return new ValidatedPlan(plan, updates);

        bool CheckText(string? text, int? row, string field, string what, int max, bool required)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required) Problem(row, field, $"{what} is missing");
                return !required;
            }
            if (text.Length > max)
            {
                Problem(row, field, $"{what} is {text.Length:N0} characters; the limit is {max:N0}");
                return false;
            }
            if (HasControlCharacters(text))
            {
                Problem(row, field, $"{what} contains control characters");
                return false;
            }
            return true;
        }

        List<Contact> ValidateContacts(List<ContactDocument>? contacts, int? row, string field)
        {
            var result = new List<Contact>();
            foreach (var c in contacts ?? [])
            {
                var email = c.Email?.Trim();
                if (!IsValidEmail(email)) { Problem(row, field, $"'{c.Email}' is not a valid email address"); continue; }
                if (result.Any(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase))) { Problem(row, field, $"'{email}' is listed twice"); continue; }
                if (!CheckText(c.Name, row, field, $"the name for {email}", StorageLimits.MaxShortTextLength, required: true)) continue;
                result.Add(new Contact(c.Name!.Trim(), email!, string.IsNullOrWhiteSpace(c.TeamsUserId) ? null : c.TeamsUserId.Trim()));
            }
            return result;
        }
    }

    /// <summary>Each action's reference (as written, or its number) and the internal number it is stored under: the number
    /// given, else the number the same reference has in the stored plan, else the reference itself when it is a whole number,
    /// else the next number no other action uses.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (string?[] References, int?[] Numbers) AssignNumbers(List<ActionDocument> actions, Plan? existing, Action<int?, string, string> problem)
    {
        var references = new string?[actions.Count];
        var numbers = new int?[actions.Count];
        var used = new HashSet<int>();
        // A retired action's reference brings it back under its own number, as its number does; a current action's comes first.
        var known = existing?.Actions.Concat(existing.RetiredActions).GroupBy(a => a.Ref, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Number, StringComparer.OrdinalIgnoreCase) ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            var row = a.SourceRow ?? i + 1;
            if (a.Reference is { } written)
            {
                references[i] = ActionReference.Parse(written, out var why);
                if (references[i] is null) problem(row, "actions.number", why ?? "the action number is missing");
            }
            else if (a.Number is { } n) references[i] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (a.Number is { } given)
            {
                if (given < 1 || given > StorageLimits.MaxActionNumber)
                {
                    problem(row, "actions.number", $"the action number is required, a whole number from 1 to {StorageLimits.MaxActionNumber}");
                    references[i] = null;
                }
                else numbers[i] = given;
            }
            else if (references[i] is null && a.Reference is null)
                problem(row, "actions.number", $"the action number is required, a whole number from 1 to {StorageLimits.MaxActionNumber}");
        }
        for (var i = 0; i < actions.Count; i++)
            if (numbers[i] is { } n) used.Add(n);
        for (var i = 0; i < actions.Count; i++)
            if (numbers[i] is null && references[i] is { } r && known.TryGetValue(r, out var kept) && used.Add(kept)) numbers[i] = kept;
        for (var i = 0; i < actions.Count; i++)
            if (numbers[i] is null && references[i] is { } r && ActionReference.Whole(r) is { } whole and >= 1 and <= StorageLimits.MaxActionNumber && used.Add(whole)) numbers[i] = whole;
        // A new action never takes a number a retired one has: that number's progress history is the retired action's.
        var next = Math.Max(used.Count == 0 ? 0 : used.Max(), existing is null ? 0 : existing.Actions.Concat(existing.RetiredActions).Select(a => a.Number).DefaultIfEmpty(0).Max()) + 1;
        for (var i = 0; i < actions.Count; i++)
        {
            if (numbers[i] is not null || references[i] is null) continue;
            // A second "12" keeps no number of its own; it is reported as used twice.
            if (ActionReference.Whole(references[i]!) is { } whole && used.Contains(whole) && references.Take(i).Contains(references[i], StringComparer.OrdinalIgnoreCase)) { numbers[i] = whole; continue; }
            while (used.Contains(next)) next++;
            if (next > StorageLimits.MaxActionNumber) { problem(actions[i].SourceRow ?? i + 1, "actions.number", "the plan has too many actions"); continue; }
            numbers[i] = next;
            used.Add(next);
        }
        return (references, numbers);
    }

    /// <summary>Normalises line endings to \n and trims trailing whitespace; keeps paragraphs and bullets.</summary>
    public static string NormaliseText(string text) =>
        IsNormalised(text) ? text : string.Join('\n', text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd())).Trim('\n', ' ');

    /// <summary>Already as <see cref="NormaliseText"/> leaves it (most text is): no '\r', no line ending in whitespace,
    /// nothing to trim at either end.</summary>
    private static bool IsNormalised(string text)
    {
        if (text.Length == 0) return true;
        if (text[0] is '\n' or ' ' || char.IsWhiteSpace(text[^1]) || text.Contains('\r')) return false;
        for (var i = text.IndexOf('\n'); i > 0; i = text.IndexOf('\n', i + 1))
            if (char.IsWhiteSpace(text[i - 1]) && text[i - 1] != '\n') return false;
        return true;
    }

    /// <summary>Any character <see cref="char.IsControl(char)"/> calls a control character (U+0000-U+001F, U+007F-U+009F)
    /// other than a line break or a tab: one vectorised search of the text, not a call per character (every action's and
    /// update's text passes here, and in an upload this code runs before tiered compilation has optimised it).</summary>
    private static bool HasControlCharacters(string text) => text.AsSpan().IndexOfAny(ControlCharacters) >= 0;

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')).ToArray());
}
