using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Storage;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Workbench;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Workbench;

[Collection(StorageCollection.Name)]
public sealed class PlanEditingTests(StorageFixture storage)
{
    private const string PlanId = "luton-2018-19";
    private const string Police = "bedfordshire-police";

    private static async Task<(ServiceProvider Services, StoredPlan Plan)> StartAsync(StorageFixture storage)
    {
        var services = storage.Services();
        await services.GetRequiredService<CspFunctions.Import.PlanImporter>().ImportAsync(storage.LoadSample());
        return (services, (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!);
    }

    [Fact]
    public async Task Two_managers_editing_the_same_lead_get_a_conflict_with_both_versions_and_the_first_change_is_kept()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var lead = stored.Plan.FindLead(Police)!;
        var version = PlanEditor.VersionOf(lead);

        var first = await editor.EditLeadAsync(PlanId, Police, version, "Bedfordshire Police (Luton)", null, lead.Contacts, "ann@example.org");
        var second = await editor.EditLeadAsync(PlanId, Police, version, lead.Name, null, [.. lead.Contacts, new Contact("New Deputy", "new.deputy@example.org")], "bob@example.org");

        Assert.True(first.IsSaved);
        Assert.NotNull(second.Conflict);
        Assert.Equal("Bedfordshire Police (Luton)", Assert.IsType<Lead>(second.Theirs).Name);
        var now = (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan.FindLead(Police)!;
        Assert.Equal(("Bedfordshire Police (Luton)", lead.Contacts.Count), (now.Name, now.Contacts.Count));
        // Bob retries from what is there now: his contact is added and Ann's name stays.
        var retry = await editor.EditLeadAsync(PlanId, Police, PlanEditor.VersionOf(second.Theirs), now.Name, null, [.. now.Contacts, new Contact("New Deputy", "new.deputy@example.org")], "bob@example.org");
        Assert.True(retry.IsSaved);
        var history = await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId);
        Assert.Equal(["bob@example.org", "ann@example.org"], history.Select(h => h.By));
        Assert.Contains("\"name\":\"Bedfordshire Police\"", history[1].Before);
        Assert.Contains("\"name\":\"Bedfordshire Police (Luton)\"", history[1].After);
        Assert.Contains("new.deputy@example.org", history[0].After);
    }

    [Fact]
    public async Task Edits_to_different_leads_at_the_same_time_both_land()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var police = stored.Plan.FindLead(Police)!;
        var housing = stored.Plan.FindLead("housing")!;
        var results = await Task.WhenAll(
            editor.EditLeadAsync(PlanId, Police, PlanEditor.VersionOf(police), "Police A", null, police.Contacts, "ann@example.org"),
            editor.EditLeadAsync(PlanId, "housing", PlanEditor.VersionOf(housing), "Housing B", Police, housing.Contacts, "bob@example.org"));
        Assert.All(results, r => Assert.True(r.IsSaved, r.Conflict));
        var plan = (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan;
        Assert.Equal(("Police A", "Housing B", Police), (plan.FindLead(Police)!.Name, plan.FindLead("housing")!.Name, plan.FindLead("housing")!.DeputyLeadId));
    }

    [Fact]
    public async Task Bad_input_is_named_by_field_and_nothing_is_saved()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var lead = stored.Plan.FindLead(Police)!;
        var outcome = await editor.EditLeadAsync(PlanId, Police, PlanEditor.VersionOf(lead), "", Police, [new Contact("Pat", "not-an-email"), new Contact("", "x@example.org")], "ann@example.org");
        Assert.Equal(["name", "deputy", "contact-0-email", "contact-1-name"], outcome.Errors.Select(e => e.FieldId));

        var action = stored.Plan.Actions.First();
        var badAction = await editor.EditActionAsync(PlanId, action.Number, PlanEditor.VersionOf(action),
            action with { Text = " ", PriorityId = "nope", LeadIds = ["ghost"], Documents = [new LinkedDocument("Strategy", "javascript:alert(1)")] }, "ann@example.org");
        Assert.Equal(["text", "priority", "leads", "documents"], badAction.Errors.Select(e => e.FieldId));
        var people = await editor.EditPeopleAsync(PlanId, PlanEditor.VersionOf(PlanEditor.PeopleOf(stored.Plan)), [], [], "ann@example.org");
        Assert.Equal("manager-0-email", Assert.Single(people.Errors).FieldId);

        var after = (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!;
        Assert.Equal((stored.ETag, stored.Revision), (after.ETag, after.Revision));
        Assert.Empty(await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId));
    }

    [Fact]
    public async Task An_added_action_takes_a_new_number_and_a_retired_one_keeps_its_history_and_its_number()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var max = stored.Plan.Actions.Max(a => a.Number);
        var last = stored.Plan.Actions.Single(a => a.Number == max);

        var retired = await editor.RetireActionAsync(PlanId, max, PlanEditor.VersionOf(last), "ann@example.org");
        Assert.True(retired.IsSaved);
        var (added, number) = await editor.AddActionAsync(PlanId, (max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new PlanAction(0, stored.Plan.Priorities[0].Id, "Run a summer diversion scheme.", [Police], []), "ann@example.org");
        Assert.True(added.IsSaved);
        Assert.Equal(max + 1, number);

        var plan = (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan;
        Assert.DoesNotContain(plan.Actions, a => a.Number == max);
        Assert.Equal(last.Text, Assert.Single(plan.RetiredActions).Text);
        var newAction = plan.Actions.Single(a => a.Number == number);
        // It is the last action of its priority, where the report shows it.
        Assert.Equal(newAction, plan.ActionsIn(plan.Priorities[0]).Last());

        var history = (await services.GetRequiredService<PlanHistory>().ActionAsync(PlanId, max))!;
        Assert.True(history.Retired);
        Assert.Equal("2018-19-Q4", Assert.Single(history.Versions).RoundId);
        var audit = await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId);
        Assert.Equal([$"Action {number} (added)", $"Action {max} (retired)"], audit.Select(a => a.What));
        Assert.Null(audit[0].Before);
        Assert.Null(audit[1].After);

        // A re-import of the file does not bring the retired action's number back into use by accident.
        var doc = storage.LoadSample();
        doc.Actions!.RemoveAll(a => a.Number == max);
        doc.Updates!.RemoveAll(u => u.ActionNumber == max);
        await services.GetRequiredService<CspFunctions.Import.PlanImporter>().ImportAsync(doc);
        Assert.Single((await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan.RetiredActions);
    }

    [Fact]
    public async Task The_audit_names_an_edited_or_retired_action_by_its_reference_as_written()
    {
        var services = storage.Services();
        await using var _ = services;
        var doc = storage.LoadSample();
        var first = doc.Actions![0];
        first.Reference = "1.10"; // its internal number stays the file's number
        await services.GetRequiredService<CspFunctions.Import.PlanImporter>().ImportAsync(doc);
        var plan = (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan;
        var action = plan.Actions.Single(a => a.Ref == "1.10");
        Assert.NotEqual("1.10", action.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var editor = services.GetRequiredService<PlanEditor>();

        var edited = await editor.EditActionAsync(PlanId, action.Number, PlanEditor.VersionOf(action), action with { Text = action.Text + " (revised)" }, "ann@example.org");
        Assert.True(edited.IsSaved);
        var current = (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan.Actions.Single(a => a.Number == action.Number);
        Assert.Equal("1.10", current.Ref);
        var stale = await editor.EditActionAsync(PlanId, action.Number, PlanEditor.VersionOf(action), action, "bob@example.org");
        Assert.StartsWith("Someone else changed Action 1.10 since you opened it", stale.Conflict);
        var retired = await editor.RetireActionAsync(PlanId, action.Number, PlanEditor.VersionOf(current), "ann@example.org");
        Assert.True(retired.IsSaved);

        var audit = await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId);
        Assert.Equal(["Action 1.10 (retired)", "Action 1.10"], audit.Select(a => a.What));
        var page = HistoryPage.Audit(plan, audit);
        Assert.Equal(["Action 1.10 (retired)", "Action 1.10"], page.Changes.Select(c => c.What));
    }

    [Fact]
    public async Task A_bouncing_contact_is_fixed_in_place_and_its_bounce_cleared()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var health = services.GetRequiredService<TableContactHealth>();
        var lead = stored.Plan.FindLead(Police)!;
        var old = lead.Contacts[0];
        await health.RecordAsync([new ContactProblem(PlanId, old.Email, "bounce", "550 no such user", DateTimeOffset.UtcNow, Police)]);
        Assert.Single(await health.GetIssuesAsync([old.Email]));

        var editor = services.GetRequiredService<PlanEditor>();
        Assert.Equal("contact", Assert.Single((await editor.MarkBounceFixedAsync(PlanId, Police, "someone@else.org", "ann@example.org")).Errors).FieldId);
        Assert.True((await editor.MarkBounceFixedAsync(PlanId, Police, old.Email, "ann@example.org")).IsSaved);
        Assert.Empty(await health.GetIssuesAsync([old.Email]));

        var fixedContact = old with { Email = "police.csp@example.org", TeamsUserId = "22222222-2222-2222-2222-222222222222" };
        Assert.True((await editor.EditLeadAsync(PlanId, Police, PlanEditor.VersionOf(lead), lead.Name, lead.DeputyLeadId, [fixedContact], "ann@example.org")).IsSaved);
        Assert.Equal([fixedContact], (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan.FindLead(Police)!.Contacts);
    }

    [Fact]
    public async Task Managers_and_board_members_are_edited_and_the_contact_list_csv_cannot_run_formulas()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var outcome = await editor.EditPeopleAsync(PlanId, PlanEditor.VersionOf(PlanEditor.PeopleOf(stored.Plan)),
            [new Contact("=HYPERLINK(\"http://evil\")", "manager@example.org")], [new Contact("Board Chair", "chair@example.org", "33333333-3333-3333-3333-333333333333")], "ann@example.org");
        Assert.True(outcome.IsSaved);
        var plan = (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan;
        Assert.Equal("chair@example.org", Assert.Single(plan.BoardMembers).Email);

        var csv = ContactListCsv.Render(plan);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("role,lead id,lead,name,email,teams user id,deputy lead", lines[0]);
        Assert.Equal(plan.Leads.Sum(l => l.Contacts.Count) + 2, lines.Length - 1);
        Assert.Contains("manager,,,\"'=HYPERLINK(\"\"http://evil\"\")\",manager@example.org,,", lines);
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal));
    }

    private static Access.SignedInUser User(string email, string? objectId = null, bool admin = false) =>
        new(Access.AccessRules.EntraProvider, objectId, email, [email], admin ? [Access.SignedInUser.AdminRole] : []);

    [Fact]
    public async Task Managers_and_board_members_are_checked_a_manager_cannot_lock_themselves_out_and_every_save_is_audited()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var store = services.GetRequiredService<IPlanStore>();
        const string me = "csp.manager@example.org";
        var version = PlanEditor.VersionOf(PlanEditor.PeopleOf(stored.Plan));
        var meRow = Assert.Single(stored.Plan.Managers);
        Assert.Equal(me, meRow.Email);

        // Bad rows: an address that is not one, a duplicate, an object id that is not a GUID. Nothing saved.
        var bad = await editor.EditPeopleAsync(PlanId, version, [meRow, new Contact("Twin", "CSP.Manager@example.org")],
            [new Contact("Bea", "bea@"), new Contact("Bo", "bo@example.org", "not-a-guid")], me, editor: User(me));
        Assert.Equal(["manager-1-email", "board-0-email", "board-1-teams"], bad.Errors.Select(e => e.FieldId));

        // The only manager takes themselves off (row left empty, as the form's "remove" sends it): refused, as is replacing
        // themselves by someone new who has never signed in; an Admin may do it.
        var alone = await editor.EditPeopleAsync(PlanId, version, [new Contact("", ""), new Contact("New Person", "new.person@example.org")], [], me, editor: User(me));
        Assert.Equal("manager-0-email", Assert.Single(alone.Errors).FieldId);
        Assert.Contains("last manager", alone.Errors[0].Message);
        var none = await editor.EditPeopleAsync(PlanId, version, [new Contact("", "")], [], me, editor: User(me, admin: true));
        Assert.Equal("manager-0-email", Assert.Single(none.Errors).FieldId);
        Assert.Equal(stored.ETag, (await store.GetAsync(PlanId))!.ETag);

        // A second manager and a board member (matched on their object id) are added.
        var added = await editor.EditPeopleAsync(PlanId, version, [meRow, new Contact("Second Manager", "second@example.org")],
            [new Contact("Bea Board", "bea@example.org", "33333333-3333-3333-3333-333333333333")], me, editor: User(me));
        Assert.True(added.IsSaved, string.Join("; ", added.Errors.Select(e => e.Message)) + added.Conflict);
        var plan = (await store.GetAsync(PlanId))!.Plan;
        Assert.True(Access.AccessRules.IsManager(User("second@example.org"), plan));
        Assert.True(Access.AccessRules.IsBoardMember(User("someone.else@example.org", "33333333-3333-3333-3333-333333333333"), plan));
        Assert.False(Access.AccessRules.IsBoardMember(User("bea@example.org.evil"), plan));

        // A form opened before that save is stale: a conflict with their lists, nothing saved.
        var stale = await editor.EditPeopleAsync(PlanId, version, [meRow], [], me, editor: User(me));
        Assert.NotNull(stale.Conflict);
        Assert.Equal(2, Assert.IsType<PlanPeople>(stale.Theirs).Managers.Count);

        // With another manager staying, the first may hand over and take themselves off.
        var now = PlanEditor.VersionOf(PlanEditor.PeopleOf(plan));
        var handover = await editor.EditPeopleAsync(PlanId, now, [new Contact("", ""), new Contact("Second Manager", "second@example.org")], [], me, editor: User(me));
        Assert.True(handover.IsSaved, string.Join("; ", handover.Errors.Select(e => e.Message)));
        plan = (await store.GetAsync(PlanId))!.Plan;
        Assert.Equal(["second@example.org"], plan.Managers.Select(m => m.Email));
        Assert.Empty(plan.BoardMembers);

        var audit = (await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId)).Where(c => c.What == "Managers and board members").ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, c => Assert.Equal(me, c.By));
        var first = audit.Single(c => c.After!.Contains("bea@example.org"));
        Assert.DoesNotContain("second@example.org", first.Before);
        Assert.Contains("33333333-3333-3333-3333-333333333333", first.After);
    }
}
