using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Storage;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Plans;

[Collection(StorageCollection.Name)]
public sealed class PlanStorageTests(StorageFixture storage)
{
    [Fact]
    public async Task The_sample_plan_round_trips_through_Table_Storage()
    {
        await using var services = storage.Services();
        var outcome = await services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());
        Assert.True(outcome.Created);
        Assert.Equal((28, 28), (outcome.Actions, outcome.UpdatesAdded));

        var stored = await services.GetRequiredService<IPlanStore>().GetAsync("luton-2018-19");
        var expected = PlanValidator.Validate(storage.LoadSample()).Plan;
        Assert.NotNull(stored);
        Assert.Equal(expected.Actions, stored.Plan.Actions, new ActionComparer());
        Assert.Equal(expected.Leads.Select(l => (l.Id, l.Name, l.Contacts.Count)), stored.Plan.Leads.Select(l => (l.Id, l.Name, l.Contacts.Count)));
        Assert.Equal(expected.Priorities, stored.Plan.Priorities);
        var round = Assert.Single(stored.Rounds);
        Assert.Equal(("2018-19-Q4", RoundState.Closed, new DateOnly(2019, 4, 23)), (round.Id, round.State, round.DueDate));

        var updates = await services.GetRequiredService<IProgressStore>().GetRoundAsync("luton-2018-19", "2018-19-Q4");
        Assert.Equal(28, updates.Count);
        Assert.Equal(PlanValidator.Validate(storage.LoadSample()).Updates.Single(u => u.ActionNumber == 11).Text, updates.Single(u => u.ActionNumber == 11).Text);
        Assert.Equal(["luton-2018-19"], await services.GetRequiredService<IPlanStore>().ListPlanIdsAsync());
    }

    [Fact]
    public async Task Reimporting_a_changed_plan_updates_it_in_place_and_keeps_every_progress_update()
    {
        await using var services = storage.Services();
        var importer = services.GetRequiredService<PlanImporter>();
        var progress = services.GetRequiredService<IProgressStore>();
        await importer.ImportAsync(storage.LoadSample());
        var correction = new ProgressUpdate("luton-2018-19", "2018-19-Q4", 9, 2, ProgressStatus.AtRisk, Rag.Amber, "Corrected text.", "Bedfordshire Police contact", "bedfordshire-police@example.org", DateTimeOffset.UtcNow, UpdateChannel.Form);
        await progress.AddAsync(correction, 1);

        var changed = storage.LoadSample();
        changed.Actions!.Single(a => a.Number == 5).Text = "Review the Domestic Abuse Delivery Group (revised wording).";
        changed.Actions!.RemoveAll(a => a.Number == 30);
        changed.Updates!.RemoveAll(u => u.ActionNumber == 30);
        var second = await importer.ImportAsync(changed);

        Assert.False(second.Created);
        Assert.Equal((2, 27, 1), (second.Revision, second.Actions, second.ActionsRemoved));
        var stored = (await services.GetRequiredService<IPlanStore>().GetAsync("luton-2018-19"))!;
        Assert.Equal("Review the Domestic Abuse Delivery Group (revised wording).", stored.Plan.Actions.Single(a => a.Number == 5).Text);
        Assert.DoesNotContain(stored.Plan.Actions, a => a.Number == 30);

        var history = await progress.GetRoundAsync("luton-2018-19", "2018-19-Q4");
        // Action 9 keeps both versions, and the file's (older) text is not re-applied over the correction.
        Assert.Equal([1, 2], history.Where(u => u.ActionNumber == 9).Select(u => u.Version).Order());
        Assert.Equal("Corrected text.", history.Latest()[9].Text);
        Assert.Equal(0, second.UpdatesAdded);
        Assert.Contains(history, u => u.ActionNumber == 30); // the removed action's history is kept
        Assert.Equal(29, history.Count);
    }

    [Fact]
    public async Task A_concurrent_plan_change_is_detected_not_lost()
    {
        await using var services = storage.Services();
        var plans = services.GetRequiredService<IPlanStore>();
        await services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());
        var readByA = (await plans.GetAsync("luton-2018-19"))!;
        var readByB = (await plans.GetAsync("luton-2018-19"))!;

        await plans.SaveAsync(readByA.Plan with { Name = "Changed by A" }, readByA);
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => plans.SaveAsync(readByB.Plan with { Name = "Changed by B" }, readByB));

        Assert.Contains("changed by someone else", ex.Message);
        Assert.Equal("Changed by A", (await plans.GetAsync("luton-2018-19"))!.Plan.Name);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => plans.SaveAsync(readByB.Plan, existing: null));
    }

    [Fact]
    public async Task Two_writers_of_the_same_update_version_one_is_told_and_shown_the_other_text()
    {
        await using var services = storage.Services();
        var progress = services.GetRequiredService<IProgressStore>();
        ProgressUpdate Update(string text, string by) => new("p", "2024-25-Q1", 7, 1, ProgressStatus.OnTrack, Rag.Green, text, by, null, DateTimeOffset.UtcNow, UpdateChannel.Form);

        var results = await Task.WhenAll(
            Capture(() => progress.AddAsync(Update("Text from Alex", "Alex"), 0)),
            Capture(() => progress.AddAsync(Update("Text from Sam", "Sam"), 0)));

        var conflict = Assert.Single(results.OfType<UpdateConflictException>());
        var stored = Assert.Single(await progress.GetRoundAsync("p", "2024-25-Q1"));
        Assert.Equal(stored.Text, conflict.Current.Text);
        Assert.Contains(stored.GivenBy, conflict.Message);

        static async Task<Exception?> Capture(Func<Task> write)
        {
            try { await write(); return null; }
            catch (UpdateConflictException ex) { return ex; }
        }
    }

    [Fact]
    public async Task Text_over_the_table_limit_is_rejected_with_a_clear_error_and_nothing_is_written()
    {
        await using var services = storage.Services();
        var progress = services.GetRequiredService<IProgressStore>();
        var tooLong = new string('a', CspFunctions.Plans.StorageLimits.MaxTextLength + 1);
        var ex = await Assert.ThrowsAsync<TextTooLongException>(() =>
            progress.AddAsync(new ProgressUpdate("p", "2024-25-Q1", 1, 1, ProgressStatus.OnTrack, Rag.Green, tooLong, "x", null, DateTimeOffset.UtcNow, UpdateChannel.Form), 0));
        Assert.Contains("32,001 characters; the limit is 32,000", ex.Message);
        Assert.Empty(await progress.GetRoundAsync("p", "2024-25-Q1"));

        // Exactly at the limit fits in one string property.
        var atLimit = new string('£', CspFunctions.Plans.StorageLimits.MaxTextLength);
        await progress.AddAsync(new ProgressUpdate("p", "2024-25-Q1", 1, 1, ProgressStatus.OnTrack, Rag.Green, atLimit, "x", null, DateTimeOffset.UtcNow, UpdateChannel.Form), 0);
        Assert.Equal(atLimit, Assert.Single(await progress.GetRoundAsync("p", "2024-25-Q1")).Text);
    }

    [Fact]
    public async Task A_plan_larger_than_one_batch_is_written_in_batches_of_100()
    {
        await using var services = storage.Services();
        var doc = storage.LoadSample();
        doc.Id = "big-plan";
        doc.Updates = [];
        doc.Actions = Enumerable.Range(1, 250).Select(n => new ActionDocument { Number = n, PriorityId = "keeping-luton-safe-and-tidy", Text = $"Action {n}", LeadIds = ["housing"] }).ToList();
        await services.GetRequiredService<PlanImporter>().ImportAsync(doc);
        var stored = (await services.GetRequiredService<IPlanStore>().GetAsync("big-plan"))!;
        Assert.Equal(Enumerable.Range(1, 250), stored.Plan.Actions.Select(a => a.Number));
    }

    private sealed class ActionComparer : IEqualityComparer<PlanAction>
    {
        public bool Equals(PlanAction? x, PlanAction? y) => x is not null && y is not null && x.Number == y.Number && x.Text == y.Text &&
            x.PriorityId == y.PriorityId && x.LeadIds.SequenceEqual(y.LeadIds) && x.Documents.SequenceEqual(y.Documents) && x.Restricted == y.Restricted;
        public int GetHashCode(PlanAction obj) => obj.Number;
    }
}


[Collection(StorageCollection.Name)]
public sealed class RoundStorageTests(StorageFixture storage)
{
    [Fact]
    public async Task Round_changes_are_guarded_by_ETag()
    {
        await using var services = storage.Services();
        var plans = services.GetRequiredService<IPlanStore>();
        await services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());
        var round = ReportingRound.For("luton-2018-19", new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 22));
        await plans.SaveRoundAsync(round, ifMatch: null);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => plans.SaveRoundAsync(round, ifMatch: null)); // a timer firing twice

        var a = (await plans.GetAsync("luton-2018-19"))!;
        var b = (await plans.GetAsync("luton-2018-19"))!;
        await plans.SaveRoundAsync(round with { State = RoundState.Closed }, a.RoundETags[round.Id]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => plans.SaveRoundAsync(round with { State = RoundState.Published }, b.RoundETags[round.Id]));
        Assert.Equal(RoundState.Closed, (await plans.GetAsync("luton-2018-19"))!.FindRound(round.Id)!.State);
    }
}
