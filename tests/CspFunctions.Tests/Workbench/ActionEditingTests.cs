using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Tests.Chasing;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Workbench;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Workbench;

/// <summary>Actions edited in place, added under a new reference and retired: validation, conflicts, the audit by reference,
/// and a retired action left out of chasing and of new reports.</summary>
[Collection(StorageCollection.Name)]
public sealed class ActionEditingTests(StorageFixture storage)
{
    private const string PlanId = "luton-2018-19";
    private const string Police = "bedfordshire-police";
    private const string Housing = "housing";

    private static async Task<(ServiceProvider Services, StoredPlan Plan)> StartAsync(StorageFixture storage)
    {
        var services = storage.Services();
        await services.GetRequiredService<CspFunctions.Import.PlanImporter>().ImportAsync(storage.LoadSample());
        return (services, (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!);
    }

    private static async Task<Plan> PlanAsync(ServiceProvider services) => (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!.Plan;

    [Fact]
    public async Task An_action_is_edited_in_place_and_audited_by_its_reference_with_before_and_after()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var action = stored.Plan.Actions.Single(a => a.Number == 9);
        var priority = stored.Plan.Priorities[1].Id;
        var documents = ActionEditPage.ParseDocuments("Knife crime strategy | https://example.org/knife\r\nhttps://example.org/plan.pdf\n\n  Minutes of March  ");
        Assert.Equal([new LinkedDocument("Knife crime strategy", "https://example.org/knife"), new LinkedDocument("https://example.org/plan.pdf", "https://example.org/plan.pdf"), new LinkedDocument("Minutes of March")], documents);
        Assert.Equal("Knife crime strategy | https://example.org/knife\nhttps://example.org/plan.pdf\nMinutes of March", ActionEditPage.DocumentsText(documents));

        var outcome = await editor.EditActionAsync(PlanId, 9, PlanEditor.VersionOf(action),
            new PlanAction(0, priority, "  Run knife arches at two stations.  ", [Police, Housing, Police], documents, Restricted: true), "ann@example.org");
        Assert.True(outcome.IsSaved, outcome.Conflict);

        var saved = (await PlanAsync(services)).Actions.Single(a => a.Number == 9);
        Assert.Equal(("Run knife arches at two stations.", priority, true, 3), (saved.Text, saved.PriorityId, saved.Restricted, saved.Documents.Count));
        Assert.Equal([Police, Housing], saved.LeadIds);
        var change = Assert.Single(await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId));
        Assert.Equal(("Action 9", "ann@example.org"), (change.What, change.By));
        Assert.Contains(action.Text[..20], change.Before);
        Assert.Contains("Run knife arches at two stations.", change.After);
        Assert.Contains("\"restricted\":true", change.After);
    }

    [Fact]
    public async Task Bad_action_input_is_named_by_field_and_nothing_is_saved()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var action = stored.Plan.Actions.Single(a => a.Number == 9);
        var noLeads = await editor.EditActionAsync(PlanId, 9, PlanEditor.VersionOf(action), action with { LeadIds = [] }, "ann@example.org");
        Assert.Equal(("leads", "Choose at least one lead"), (Assert.Single(noLeads.Errors).FieldId, noLeads.Errors[0].Message));

        var priority = stored.Plan.Priorities[0].Id;
        PlanAction New(string text = "A new action.") => new(0, priority, text, [Police], []);
        async Task<IReadOnlyList<CspFunctions.Responses.FieldError>> AddAsync(string reference, PlanAction? a = null) => (await editor.AddActionAsync(PlanId, reference, a ?? New(), "ann@example.org")).Outcome.Errors;
        Assert.Equal("Enter the new action's reference, like 1.10", Assert.Single(await AddAsync(" ")).Message);
        Assert.Contains("is not an action reference", Assert.Single(await AddAsync("1..2!")).Message);
        Assert.Equal("Action 9 is already in the plan; choose another reference", Assert.Single(await AddAsync("9.")).Message);
        Assert.Equal(["reference", "text", "priority", "leads"], (await AddAsync("", new PlanAction(0, "nope", "", [], []))).Select(e => e.FieldId));

        var after = (await services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!;
        Assert.Equal((stored.ETag, stored.Plan.Actions.Count), (after.ETag, after.Plan.Actions.Count));
        Assert.Equal(PlanEditor.VersionOf(action), PlanEditor.VersionOf(after.Plan.Actions.Single(a => a.Number == 9)));
        Assert.Empty(await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId));
    }

    [Fact]
    public async Task Two_managers_editing_one_action_get_a_conflict_showing_theirs_and_nothing_is_lost()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var action = stored.Plan.Actions.Single(a => a.Number == 19);
        var version = PlanEditor.VersionOf(action);

        Assert.True((await editor.EditActionAsync(PlanId, 19, version, action with { Text = "Ann's text." }, "ann@example.org")).IsSaved);
        var second = await editor.EditActionAsync(PlanId, 19, version, action with { LeadIds = [Police, Housing] }, "bob@example.org");
        Assert.Contains("Action 19", second.Conflict);
        var theirs = Assert.IsType<PlanAction>(second.Theirs);
        Assert.Equal("Ann's text.", theirs.Text);
        var page = ActionEditPage.For(stored.Plan, action, null, new ManagerLinks()).Entered(stored.Plan, "", action with { LeadIds = [Police, Housing] }, "").WithOutcome(stored.Plan, second);
        Assert.Contains("Text: Ann's text.", page.Theirs);
        Assert.Equal(PlanEditor.VersionOf(theirs), page.Version);
        Assert.Equal([Housing, Police], page.Leads.Where(l => l.Selected).Select(l => l.Value)); // in the plan's order
        var now = (await PlanAsync(services)).Actions.Single(a => a.Number == 19);
        Assert.Equal(("Ann's text.", Police), (now.Text, Assert.Single(now.LeadIds)));

        // Bob saves again from their version: his leads land on top of Ann's text.
        Assert.True((await editor.EditActionAsync(PlanId, 19, page.Version, theirs with { LeadIds = [Police, Housing] }, "bob@example.org")).IsSaved);
        var final = (await PlanAsync(services)).Actions.Single(a => a.Number == 19);
        Assert.Equal(("Ann's text.", 2), (final.Text, final.LeadIds.Count));
        Assert.Equal(["bob@example.org", "ann@example.org"], (await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId)).Select(c => c.By));
    }

    [Fact]
    public async Task An_added_action_keeps_its_reference_in_natural_order_and_a_retired_reference_is_not_reused()
    {
        var (services, stored) = await StartAsync(storage);
        await using var _ = services;
        var editor = services.GetRequiredService<PlanEditor>();
        var priority = stored.Plan.Priorities[0].Id;
        var max = stored.Plan.Actions.Max(a => a.Number);

        var (ten, tenNumber) = await editor.AddActionAsync(PlanId, "1.10", new PlanAction(0, priority, "Tenth sub-action.", [Police], []), "ann@example.org");
        var (nine, nineNumber) = await editor.AddActionAsync(PlanId, "1.9", new PlanAction(0, priority, "Ninth sub-action.", [Housing], []), "ann@example.org");
        Assert.True(ten.IsSaved && nine.IsSaved);
        Assert.Equal((max + 1, max + 2), (tenNumber, nineNumber));
        var plan = await PlanAsync(services);
        Assert.Equal("1.10", plan.RefOf(tenNumber));
        var refs = PlanActionsPart.For(plan, new ManagerLinks()).Actions.Select(r => r.Ref).ToList();
        Assert.Equal(["1", "1.9", "1.10", "2"], refs.Take(4));
        // The report lists them in the same order within their priority.
        var report = ReportBuilder.Build(new ReportInputs(plan, stored.Rounds[0], [], [], [], null), ReportAudience.Manager);
        Assert.Equal(["1", "1.9", "1.10", "2"], report.Sections[0].Rows.Select(r => r.Ref).Take(4));
        Assert.Equal(["Action 1.9 (added)", "Action 1.10 (added)"], (await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId)).Select(c => c.What));
        Assert.Equal("Action 1.10 is already in the plan; choose another reference",
            Assert.Single((await editor.AddActionAsync(PlanId, "1.10", new PlanAction(0, priority, "Again.", [Police], []), "bob@example.org")).Outcome.Errors).Message);

        var added = plan.Actions.Single(a => a.Number == tenNumber);
        Assert.True((await editor.RetireActionAsync(PlanId, tenNumber, PlanEditor.VersionOf(added), "ann@example.org")).IsSaved);
        Assert.Equal("Action 1.10 (retired)", (await services.GetRequiredService<IPlanAudit>().ListAsync(PlanId))[0].What);
        var (reused, _) = await editor.AddActionAsync(PlanId, "1.10", new PlanAction(0, priority, "Again.", [Police], []), "bob@example.org");
        Assert.Contains("was retired", Assert.Single(reused.Errors).Message);
        var afterRetire = PlanActionsPart.For(await PlanAsync(services), new ManagerLinks());
        Assert.DoesNotContain(afterRetire.Actions, r => r.Ref == "1.10");
        Assert.Equal("1.10", Assert.Single(afterRetire.Retired).Ref);
        Assert.Null(afterRetire.Retired[0].EditHref);
        var history = (await services.GetRequiredService<PlanHistory>().ActionAsync(PlanId, tenNumber))!;
        var historyPage = HistoryPage.Action(await PlanAsync(services), history, new ManagerLinks(), "retired");
        Assert.Equal(("Action 1.10", true, null), (historyPage.Title, historyPage.Retired, historyPage.EditActionHref));
        Assert.NotNull(historyPage.Done);

        // Retiring from a stale page is a conflict showing the action as it is now; nothing is retired.
        var nineAction = (await PlanAsync(services)).Actions.Single(a => a.Number == nineNumber);
        Assert.True((await editor.EditActionAsync(PlanId, nineNumber, PlanEditor.VersionOf(nineAction), nineAction with { Text = "Changed meanwhile." }, "bob@example.org")).IsSaved);
        var stale = await editor.RetireActionAsync(PlanId, nineNumber, PlanEditor.VersionOf(nineAction), "ann@example.org");
        Assert.Contains("Action 1.9", stale.Conflict);
        Assert.Equal("Changed meanwhile.", Assert.IsType<PlanAction>(stale.Theirs).Text);
        Assert.Contains((await PlanAsync(services)).Actions, a => a.Number == nineNumber);

        // With both retired, a re-import of the file with a new action "1.11" does not give it a retired action's number (and history).
        var fresh = (await PlanAsync(services)).Actions.Single(a => a.Number == nineNumber);
        Assert.True((await editor.RetireActionAsync(PlanId, nineNumber, PlanEditor.VersionOf(fresh), "ann@example.org")).IsSaved);
        var doc = storage.LoadSample();
        doc.Actions!.Add(new CspFunctions.Import.ActionDocument { Reference = "1.11", PriorityId = priority, Text = "From the file.", LeadIds = [Police] });
        await services.GetRequiredService<CspFunctions.Import.PlanImporter>().ImportAsync(doc);
        var reimported = await PlanAsync(services);
        Assert.Equal([tenNumber, nineNumber], reimported.RetiredActions.Select(a => a.Number));
        Assert.Equal(nineNumber + 1, reimported.Actions.Single(a => a.Ref == "1.11").Number);
    }

    [Fact]
    public async Task A_retired_action_gets_no_reminder_in_the_next_round_and_is_not_in_its_report()
    {
        await using var bed = new ChasingTestBed(storage);
        const string planId = "retire-chase";
        const string roundId = "2019-20-Q1";
        var plan = await bed.ImportAsync(ChasingTestBed.SmallPlan(planId));
        var editor = bed.Get<PlanEditor>();
        // Housing's only action, and one of the police's two.
        Assert.True((await editor.RetireActionAsync(planId, 3, PlanEditor.VersionOf(plan.Actions.Single(a => a.Number == 3)), "manager@example.org")).IsSaved);
        Assert.True((await editor.RetireActionAsync(planId, 2, PlanEditor.VersionOf(plan.Actions.Single(a => a.Number == 2)), "manager@example.org")).IsSaved);
        FinancialQuarter.TryParseRoundId(roundId, out var quarter);
        await bed.Get<IPlanStore>().SaveRoundAsync(ReportingRound.For(planId, quarter, new DateOnly(2019, 7, 19)), null);

        bed.SetLondonMorning(new DateOnly(2019, 7, 1));
        await bed.Get<ChaseSweep>().RunAsync("retire");
        await bed.DrainAsync();
        var sent = bed.Sent().Where(s => s.Channel == "email").ToList();
        Assert.Contains(("pat@example.org", "opening", "email"), sent);
        Assert.DoesNotContain(sent, s => s.To is "hal@example.org" or "hana@example.org");
        var police = bed.Stubs.AcceptedMail.Single(m => m.GetRawText().Contains("pat@example.org", StringComparison.Ordinal)).GetRawText();
        Assert.Contains("Patrol the park.", police);
        Assert.DoesNotContain("Light the underpass", police);

        var report = await bed.Get<ReportSource>().BuildAsync(planId, roundId, ReportAudience.Manager);
        var numbers = report.Sections.SelectMany(s => s.Rows).Select(r => r.Number).ToList();
        Assert.Contains(1, numbers);
        Assert.DoesNotContain(2, numbers);
        Assert.DoesNotContain(3, numbers);
    }
}
