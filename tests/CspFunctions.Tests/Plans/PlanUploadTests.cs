using CspFunctions.Access;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Tests.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Plans;

/// <summary>Upload in two steps on Azurite: the preview stores nothing, confirming imports exactly what was previewed, a
/// changed plan in between is refused, and importing a changed file again keeps every progress history.</summary>
[Collection(StorageCollection.Name)]
public sealed class PlanUploadTests(StorageFixture storage)
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static CsvPlanHeader Header(string id) => new(id, "Upload plan", 2021, "CSP Manager", "csp.manager@example.org");

    /// <summary>The manager the files name, signed in.</summary>
    private static readonly SignedInUser Manager = new("aad", null, "CSP Manager", ["csp.manager@example.org"], []);

    private static Stream Corpus(string name) => File.OpenRead(Path.Combine(PlanCorpusTests.Folder, name));

    [Fact]
    public async Task The_preview_stores_nothing_and_confirming_imports_exactly_what_it_showed()
    {
        await using var services = storage.Services();
        var upload = services.GetRequiredService<PlanUpload>();
        var plans = services.GetRequiredService<IPlanStore>();
        var id = "upload-" + Guid.NewGuid().ToString("N")[..8];

        var preview = await upload.PreviewAsync(Manager, "excel-title-above.xlsx", Corpus("excel-title-above.xlsx"), Header(id), null, Today);
        Assert.Null(await plans.GetAsync(id));
        Assert.Equal((2, 5, 7, 4, "2021-22-Q4"), (preview.Priorities, preview.Actions, preview.Leads, preview.Updates, preview.Round));
        Assert.Contains(preview.Columns, c => c is { Label: "G", Header: "Due date", Meaning: null });
        Assert.Equal(["G \"Due date\""], preview.Ignored);
        Assert.Equal(["1", "2", "4", "12", "13"], preview.FirstActions.Select(a => a.Ref));
        Assert.Equal("On track · RAG not given", preview.FirstActions[0].UpdateHeading);
        Assert.Contains(preview.Warnings, w => w.Contains("Due date"));

        var outcome = await upload.ConfirmAsync(Manager, preview.DocumentJson, preview.BaseRevision);
        Assert.True(outcome.Created);
        var shown = PlanValidator.Validate(PlanReader.ReadJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(preview.DocumentJson))));
        var stored = (await plans.GetAsync(id))!;
        // The records hold lists, so compare what they hold.
        static string Row(PlanAction a) => $"{a.Number}|{a.Ref}|{a.PriorityId}|{a.Text}|{string.Join(";", a.LeadIds)}|{string.Join(";", a.Documents.Select(d => d.Title + " " + d.Url))}|{a.Restricted}";
        Assert.Equal(shown.Plan.Actions.Select(Row), stored.Plan.Actions.Select(Row));
        Assert.Equal(preview.FirstActions.Select(a => a.Ref), stored.Plan.Actions.Take(ImportPreview.ShownActions).Select(a => a.Ref));
        Assert.Equal(shown.Plan.Priorities, stored.Plan.Priorities);
        var round = await services.GetRequiredService<IProgressStore>().GetRoundAsync(id, "2021-22-Q4");
        Assert.Equal(shown.Updates.Select(u => (u.ActionNumber, u.Status, u.Rag, u.Text)).OrderBy(x => x.ActionNumber),
            round.Select(u => (u.ActionNumber, u.Status, u.Rag, u.Text)).OrderBy(x => x.ActionNumber));
    }

    [Fact]
    public async Task A_plan_changed_after_the_preview_is_not_overwritten()
    {
        await using var services = storage.Services();
        var upload = services.GetRequiredService<PlanUpload>();
        var id = "upload-" + Guid.NewGuid().ToString("N")[..8];
        var first = await upload.PreviewAsync(Manager, "excel-merged.xlsx", Corpus("excel-merged.xlsx"), Header(id), "2021-22-Q1", Today);
        var second = await upload.PreviewAsync(Manager, "excel-merged.xlsx", Corpus("excel-merged.xlsx"), Header(id), "2021-22-Q1", Today);
        await upload.ConfirmAsync(Manager, first.DocumentJson, first.BaseRevision);
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => upload.ConfirmAsync(Manager, second.DocumentJson, second.BaseRevision));
        Assert.Contains("changed since the preview", ex.Message);
        Assert.Equal(1, (await services.GetRequiredService<IPlanStore>().GetAsync(id))!.Revision);
    }

    [Fact]
    public async Task Re_importing_a_changed_plan_keeps_every_progress_history_and_each_reference_keeps_its_number()
    {
        await using var services = storage.Services();
        var upload = services.GetRequiredService<PlanUpload>();
        var progress = services.GetRequiredService<IProgressStore>();
        var id = "upload-" + Guid.NewGuid().ToString("N")[..8];
        var q4 = await upload.PreviewAsync(Manager, "word-own-columns.docx", Corpus("word-own-columns.docx"), Header(id), "2021-22-Q3", Today);
        await upload.ConfirmAsync(Manager, q4.DocumentJson, q4.BaseRevision);
        var before = (await services.GetRequiredService<IPlanStore>().GetAsync(id))!;

        // The same plan next quarter, with one reference renumbered away and a new one: old references keep their numbers.
        var csv = "Ref,Strategic priority,Objective,Owner,Progress update\n" +
                  "1.10,Tackling serious youth violence,Commission detached youth work.,Commissioning,Contract awarded.\n" +
                  "1.1,Tackling serious youth violence,Map SYV hotspots with police data.,Youth Offending Service,Map refreshed.\n" +
                  "4.2,New priority,A new action.,ASB Team,Started.\n";
        var next = await upload.PreviewAsync(Manager, "next.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), Header(id), "2021-22-Q4", Today);
        Assert.True(next.Exists);
        var outcome = await upload.ConfirmAsync(Manager, next.DocumentJson, next.BaseRevision);
        Assert.Equal(3, outcome.UpdatesAdded);
        var after = (await services.GetRequiredService<IPlanStore>().GetAsync(id))!;
        Assert.Equal(before.Plan.Actions.Single(a => a.Ref == "1.10").Number, after.Plan.Actions.Single(a => a.Ref == "1.10").Number);
        Assert.Equal(before.Plan.Actions.Single(a => a.Ref == "1.1").Number, after.Plan.Actions.Single(a => a.Ref == "1.1").Number);
        Assert.DoesNotContain(before.Plan.Actions, a => a.Number == after.Plan.Actions.Single(x => x.Ref == "4.2").Number);
        Assert.Equal(4, (await progress.GetRoundAsync(id, "2021-22-Q3")).Count);
        Assert.Equal(3, (await progress.GetRoundAsync(id, "2021-22-Q4")).Count);
        // The lead email given last quarter stays with the lead the new file names without one.
        Assert.Equal(["yos@example.gov.uk"], after.Plan.Leads.Single(l => l.Name == "Youth Offending Service").Contacts.Select(c => c.Email));
    }

    [Fact]
    public async Task Someone_who_does_not_manage_the_plan_gets_no_preview_and_cannot_confirm_one()
    {
        await using var services = storage.Services();
        var upload = services.GetRequiredService<PlanUpload>();
        var id = "upload-" + Guid.NewGuid().ToString("N")[..8];
        var stranger = new SignedInUser("aad", null, "Stranger", ["stranger@example.org"], []);
        await Assert.ThrowsAsync<UploadRefusedException>(() => upload.PreviewAsync(stranger, "excel-merged.xlsx", Corpus("excel-merged.xlsx"), Header(id), "2021-22-Q1", Today));
        var preview = await upload.PreviewAsync(Manager, "excel-merged.xlsx", Corpus("excel-merged.xlsx"), Header(id), "2021-22-Q1", Today);
        await Assert.ThrowsAsync<UploadRefusedException>(() => upload.ConfirmAsync(stranger, preview.DocumentJson, preview.BaseRevision));
        Assert.Null(await services.GetRequiredService<IPlanStore>().GetAsync(id));
    }

    [Fact]
    public void Progress_without_a_status_shows_as_status_not_given_in_the_report()
    {
        var first = ReportData.Sample.Plan.Actions[0];
        var updates = ReportData.SampleUpdates().Select(u => u.ActionNumber == first.Number ? u with { Status = ProgressStatus.NotGiven, Rag = Rag.NotGiven } : u).ToList();
        var report = ReportBuilder.Build(ReportData.Inputs(updates: updates), ReportAudience.Manager);
        var html = ReportTemplates.Render(ReportTemplates.Html, report);
        Assert.Contains("Status not given", html);
    }
}
