using System.Text.RegularExpressions;
using CspFunctions.Plans;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Tests.Responses;
using CspFunctions.Workbench;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CspFunctions.Tests.Workbench;

/// <summary>Actions edited in place in real chromium on the local host and Azurite, with axe on every page state: an action's
/// text and leads changed, an action 1.10 added after 1.9, one retired (kept in history, no longer chased), and two managers
/// editing one action at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ActionEditBrowserTests(BrowserFixture browser, StorageFixture storage)
{
    private const string Plan = ResponsesWorld.PlanId;
    private const string SecondManager = "second.manager@example.org";

    private static async Task AxeAsync(IPage page, string state)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, $"{state} ({page.Url}): " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(2))})")));
    }

    private async Task<IPage> SignInAsync(ResponsesWorld world, string path, string email = ResponsesWorld.ManagerEmail, BrowserNewContextOptions? options = null)
    {
        var page = await browser.NewPageAsync(options);
        await page.GotoAsync(world.Host.BaseAddress + path);
        Assert.Contains("/.auth/login/aad", page.Url);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Sign in as .*" + Regex.Escape(email)) }).ClickAsync();
        Assert.EndsWith("/" + path, page.Url);
        return page;
    }

    private static async Task<PlanAction> ActionAsync(ResponsesWorld world, int number) =>
        (await world.Get<IPlanStore>().GetAsync(Plan))!.Plan.Actions.Single(a => a.Number == number);

    [BrowserFact]
    public async Task An_actions_text_and_leads_are_edited_and_shown_on_the_plan_page_and_in_its_history()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit action 9" }).ClickAsync();
        Assert.Equal("Edit action 9 - CSP business plan", await page.TitleAsync());
        Assert.True(await page.IsCheckedAsync($"input[name=leads][value={ResponsesWorld.Police}]"));
        await AxeAsync(page, "the action's edit form");

        // Emptied text, no lead and a script address: refused, each named, what was typed kept.
        await page.FillAsync("#text", " ");
        await page.UncheckAsync($"input[name=leads][value={ResponsesWorld.Police}]");
        await page.FillAsync("#documents", "Strategy | javascript:alert(1)");
        await page.ClickAsync("button:text('Save the action')");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        Assert.Equal(3, await page.Locator(".govuk-error-summary__list li").CountAsync());
        Assert.Equal("Strategy | javascript:alert(1)", await page.InputValueAsync("#documents"));
        await Assertions.Expect(page.Locator("#leads-error")).ToContainTextAsync("Choose at least one lead");
        await AxeAsync(page, "a refused action edit");
        Assert.Empty(await world.Get<IPlanAudit>().ListAsync(Plan));

        await page.FillAsync("#text", "Knife arches at both stations every weekend.");
        await page.CheckAsync($"input[name=leads][value={ResponsesWorld.Police}]");
        await page.CheckAsync($"input[name=leads][value={ResponsesWorld.Housing}]");
        await page.FillAsync("#documents", "Knife crime strategy | https://example.org/knife");
        await page.ClickAsync("button:text('Save the action')");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Action 9 was saved.");
        await AxeAsync(page, "the action saved");
        var saved = await ActionAsync(world, 9);
        Assert.Equal(("Knife arches at both stations every weekend.", 2, "https://example.org/knife"), (saved.Text, saved.LeadIds.Count, saved.Documents.Single().Url));

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the plan" }).ClickAsync();
        var row = page.Locator("#action-list tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Edit action 9" }) });
        await Assertions.Expect(row).ToContainTextAsync("Knife arches at both stations every weekend.");
        await Assertions.Expect(row).ToContainTextAsync("Housing, Bedfordshire Police");
        await AxeAsync(page, "the plan page with its actions");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Plan history") }).ClickAsync();
        var change = page.Locator("#changes tbody tr").First;
        await Assertions.Expect(change.Locator("th")).ToHaveTextAsync("Action 9");
        await Assertions.Expect(change).ToContainTextAsync("Knife arches at both stations every weekend.");
        await Assertions.Expect(change).ToContainTextAsync(ResponsesWorld.ManagerEmail);

        // At phone width the form has nothing axe objects to either.
        var phone = await SignInAsync(world, $"api/manage/plans/{Plan}/actions/9/edit", options: new() { Locale = "en-GB", ViewportSize = new() { Width = 375, Height = 667 } });
        await AxeAsync(phone, "the edit form at 375x667");
        await phone.FillAsync("#text", "");
        await phone.ClickAsync("button:text('Save the action')");
        await Assertions.Expect(phone.Locator("#text-error")).ToBeVisibleAsync();
        await AxeAsync(phone, "a refused edit at 375x667");
    }

    [BrowserFact]
    public async Task An_action_1_10_is_added_and_listed_after_1_9()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var stored = (await world.Get<IPlanStore>().GetAsync(Plan))!;
        var priority = stored.Plan.Priorities[0];
        Assert.True((await world.Get<PlanEditor>().AddActionAsync(Plan, "1.9", new PlanAction(0, priority.Id, "The ninth sub-action.", [ResponsesWorld.Housing], []), "setup")).Outcome.IsSaved);
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action", Exact = true }).ClickAsync();
        Assert.Equal("Add an action - CSP business plan", await page.TitleAsync());
        await AxeAsync(page, "the add form");

        // A reference already taken, nothing chosen: refused, the text kept.
        await page.FillAsync("#reference", "1.9");
        await page.FillAsync("#text", "The tenth sub-action.");
        await page.ClickAsync("button:text('Add the action')");
        await Assertions.Expect(page.Locator("#reference-error")).ToContainTextAsync("Action 1.9 is already in the plan");
        await Assertions.Expect(page.Locator("#priority-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#leads-error")).ToBeVisibleAsync();
        Assert.Equal("The tenth sub-action.", await page.InputValueAsync("#text"));
        await AxeAsync(page, "a refused new action");

        await page.FillAsync("#reference", "1.10");
        await page.SelectOptionAsync("#priority", priority.Id);
        await page.CheckAsync($"input[name=leads][value={ResponsesWorld.Police}]");
        await page.CheckAsync("#restricted");
        await page.ClickAsync("button:text('Add the action')");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Action 1.10 was added to the plan.");
        Assert.Equal("Edit action 1.10 - CSP business plan", await page.TitleAsync());
        await AxeAsync(page, "added");
        var added = (await world.Get<IPlanStore>().GetAsync(Plan))!.Plan.Actions.Single(a => a.Ref == "1.10");
        Assert.Equal(("The tenth sub-action.", true), (added.Text, added.Restricted));

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the plan" }).ClickAsync();
        var refs = await page.Locator("#action-list tbody th").AllInnerTextsAsync();
        Assert.Equal(["1", "1.9", "1.10", "2"], refs.Take(4));
        Assert.Contains("Action 1.10 (added)", await page.GotoAsync(world.Host.BaseAddress + $"api/manage/plans/{Plan}/history") is { } r ? await r.TextAsync() : "");
    }

    [BrowserFact]
    public async Task A_retired_action_keeps_its_history_and_its_lead_is_no_longer_chased()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        // Housing leads action 5 alone: the round page offers to chase it now.
        var round = await SignInAsync(world, $"api/manage/plans/{Plan}/rounds/{ResponsesWorld.RoundId}");
        Assert.Equal(1, await round.GetByRole(AriaRole.Button, new() { Name = "Chase now Housing" }).CountAsync());

        var page = round;
        await page.GotoAsync(world.Host.BaseAddress + $"api/manage/plans/{Plan}/actions/5");
        var versions = await page.Locator("#versions tbody tr").CountAsync();
        Assert.True(versions > 0, "the sample has a version of action 5 from 2018-19-Q4");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retire this action" }).ClickAsync();
        Assert.Equal("Retire action 5 - CSP business plan", await page.TitleAsync());
        await AxeAsync(page, "the retire confirmation");
        await page.ClickAsync("button:text('Retire action 5')");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Action 5 was retired.");
        await Assertions.Expect(page.Locator("#retired")).ToHaveTextAsync("Retired");
        Assert.Equal(versions, await page.Locator("#versions tbody tr").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Edit this action" }).CountAsync());
        await AxeAsync(page, "retired, its history kept");

        var stored = (await world.Get<IPlanStore>().GetAsync(Plan))!;
        Assert.DoesNotContain(stored.Plan.Actions, a => a.Number == 5);
        Assert.Contains(stored.Plan.RetiredActions, a => a.Number == 5);
        Assert.Equal("Action 5 (retired)", (await world.Get<IPlanAudit>().ListAsync(Plan))[0].What);

        await page.GotoAsync(world.Host.BaseAddress + $"api/manage/plans/{Plan}");
        await Assertions.Expect(page.Locator("#retired-actions")).ToContainTextAsync("Action 5");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Edit action 5", Exact = true }).CountAsync());
        await AxeAsync(page, "the plan page with a retired action");
        await page.GotoAsync(world.Host.BaseAddress + $"api/manage/plans/{Plan}/rounds/{ResponsesWorld.RoundId}");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Chase now Housing" }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Chase now Bedfordshire Police" }).CountAsync());
    }

    [BrowserFact]
    public async Task Two_managers_edit_the_same_action_at_once_and_neither_change_is_lost_silently()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var stored = (await world.Get<IPlanStore>().GetAsync(Plan))!;
        var people = PlanEditor.PeopleOf(stored.Plan);
        Assert.True((await world.Get<PlanEditor>().EditPeopleAsync(Plan, PlanEditor.VersionOf(people), [.. people.Managers, new Contact("Second Manager", SecondManager)], people.BoardMembers, "setup")).IsSaved);
        var path = $"api/manage/plans/{Plan}/actions/19/edit";
        var first = await SignInAsync(world, path);
        var second = await SignInAsync(world, path, SecondManager);

        await first.FillAsync("#text", "Operations every Friday and Saturday night.");
        await first.ClickAsync("button:text('Save the action')");
        await Assertions.Expect(first.Locator(".govuk-notification-banner")).ToContainTextAsync("saved");

        await second.CheckAsync($"input[name=leads][value={ResponsesWorld.Housing}]");
        await second.ClickAsync("button:text('Save the action')");
        await Assertions.Expect(second.Locator("#theirs")).ToContainTextAsync("Operations every Friday and Saturday night.");
        Assert.True(await second.IsCheckedAsync($"input[name=leads][value={ResponsesWorld.Housing}]"));
        await AxeAsync(second, "the conflict");
        Assert.Equal([ResponsesWorld.Police], (await ActionAsync(world, 19)).LeadIds);

        // The second manager takes the first one's text and saves their lead on top.
        await second.FillAsync("#text", "Operations every Friday and Saturday night.");
        await second.ClickAsync("button:text('Save the action')");
        await Assertions.Expect(second.Locator(".govuk-notification-banner")).ToContainTextAsync("saved");
        var action = await ActionAsync(world, 19);
        Assert.Equal(("Operations every Friday and Saturday night.", 2), (action.Text, action.LeadIds.Count));
        Assert.Equal([SecondManager, ResponsesWorld.ManagerEmail], (await world.Get<IPlanAudit>().ListAsync(Plan)).Where(c => c.What == "Action 19").Select(c => c.By));
    }
}
