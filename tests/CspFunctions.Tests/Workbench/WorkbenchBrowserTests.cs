using System.Text.RegularExpressions;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Storage;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Tests.Responses;
using CspFunctions.Workbench;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CspFunctions.Tests.Workbench;

/// <summary>The manager's workbench in real chromium on the local host and Azurite, with axe on every page state: replies
/// placed and senders accepted, a bouncing contact fixed, an update recorded by phone, a due date moved, and two managers
/// editing one lead at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchBrowserTests(BrowserFixture browser, StorageFixture storage)
{
    private const string Plan = ResponsesWorld.PlanId;
    private const string SecondManager = "second.manager@example.org";

    private static async Task AxeAsync(IPage page, string state)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, $"{state} ({page.Url}): " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(2))})")));
    }

    /// <summary>Opens a manager's page in a fresh browser: the app sends it to sign in, the manager picks themselves.</summary>
    private async Task<IPage> SignInAsync(ResponsesWorld world, string path, string email = ResponsesWorld.ManagerEmail)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(world.Host.BaseAddress + path);
        Assert.Contains("/.auth/login/aad", page.Url);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Sign in as .*" + Regex.Escape(email)) }).ClickAsync();
        Assert.EndsWith("/" + path, page.Url);
        return page;
    }

    [BrowserFact]
    public async Task An_unassigned_reply_is_placed_on_two_actions_from_the_replies_waiting_page()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await RepliesWaitingTests.DeliverAsync(world, ResponsesWorld.Police, ResponsesWorld.PoliceEmail, "Knife crime referrals are up. The schools programme started.");
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}/replies");
        Assert.Equal("Replies waiting - CSP business plan", await page.TitleAsync());
        Assert.Contains("Knife crime referrals are up.", await page.InnerTextAsync(".waiting-reply"));
        await AxeAsync(page, "the list");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Deal with this reply") }).ClickAsync();
        await AxeAsync(page, "one reply");
        var raw = await page.GetByRole(AriaRole.Link, new() { Name = "Raw message", Exact = true }).GetAttributeAsync("href");
        var rawResponse = await page.Context.APIRequest.GetAsync(world.Host.BaseAddress + raw!.TrimStart('/'));
        Assert.Contains("Knife crime referrals are up.", await rawResponse.TextAsync());
        Assert.StartsWith("text/plain", rawResponse.Headers["content-type"]);

        // Chosen, but the text emptied: refused, the entries kept.
        await page.CheckAsync("#include-9");
        await page.FillAsync("#text-9", " ");
        await page.CheckAsync("#include-19");
        await page.FillAsync("#text-19", "The schools programme started.");
        await page.ClickAsync("button:text('Place on the chosen actions')");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        Assert.Equal("The schools programme started.", await page.InputValueAsync("#text-19"));
        Assert.True(await page.IsCheckedAsync("#include-19"));
        await AxeAsync(page, "a refused placement");
        Assert.Empty(await world.LatestAsync());

        await page.FillAsync("#text-9", "Knife crime referrals are up.");
        await page.SelectOptionAsync("#status-9", "OnTrack");
        await page.SelectOptionAsync("#rag-9", "Green");
        await page.SelectOptionAsync("#status-19", "AtRisk");
        await page.SelectOptionAsync("#rag-19", "Amber");
        await page.ClickAsync("button:text('Place on the chosen actions')");
        await Assertions.Expect(page.Locator("#none-waiting")).ToBeVisibleAsync();
        await AxeAsync(page, "placed, the list empty");
        var latest = await world.LatestAsync();
        Assert.Equal(("Knife crime referrals are up.", Rag.Green, UpdateChannel.Email, ResponsesWorld.PoliceEmail), (latest[9].Text, latest[9].Rag, latest[9].Channel, latest[9].GivenByEmail));
        Assert.Equal(("The schools programme started.", ProgressStatus.AtRisk), (latest[19].Text, latest[19].Status));
    }

    [BrowserFact]
    public async Task A_held_sender_is_accepted_as_a_contact_and_the_reply_applied()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await RepliesWaitingTests.DeliverAsync(world, ResponsesWorld.Police, "jo.deputy@example.org", "Action 9: the new knife arch is in use at the station.");
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}/replies");
        Assert.Contains("Sender not a contact", await page.InnerTextAsync(".waiting-reply"));
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Deal with this reply") }).ClickAsync();

        await page.ClickAsync("button:text('Add the contact and apply')");
        await Assertions.Expect(page.Locator("#contact-name-error")).ToBeVisibleAsync();
        await AxeAsync(page, "no contact name");
        await page.FillAsync("#contact-name", "Jo Deputy");
        await page.ClickAsync("button:text('Add the contact and apply')");
        await Assertions.Expect(page.Locator("#none-waiting")).ToBeVisibleAsync();
        await AxeAsync(page, "accepted");

        var lead = (await world.Get<IPlanStore>().GetAsync(Plan))!.Plan.FindLead(ResponsesWorld.Police)!;
        Assert.Contains(new Contact("Jo Deputy", "jo.deputy@example.org"), lead.Contacts);
        Assert.Equal(("the new knife arch is in use at the station.", "Jo Deputy"), ((await world.LatestAsync())[9].Text, (await world.LatestAsync())[9].GivenBy));
    }

    [BrowserFact]
    public async Task A_bouncing_contact_is_marked_fixed_from_the_leads_edit_page()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await world.Get<TableContactHealth>().RecordAsync([new ContactProblem(Plan, ResponsesWorld.PoliceEmail, "bounce", "550 mailbox unavailable", DateTimeOffset.UtcNow, ResponsesWorld.Police)]);
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Bedfordshire Police" }).ClickAsync();
        Assert.Contains("Bouncing", await page.InnerTextAsync("main"));
        await AxeAsync(page, "the lead with a bounce");

        await page.ClickAsync($"button:text('Mark the bounce of {ResponsesWorld.PoliceEmail} fixed')");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("marked fixed");
        Assert.DoesNotContain("Bouncing", await page.InnerTextAsync("main"));
        await AxeAsync(page, "bounce fixed");
        Assert.Empty(await world.Get<TableContactHealth>().GetIssuesAsync([ResponsesWorld.PoliceEmail]));
        Assert.Contains(await world.Get<IPlanAudit>().ListAsync(Plan), c => c.What.Contains("marked fixed"));
    }

    [BrowserFact]
    public async Task A_phone_update_is_recorded_and_the_lead_is_no_longer_chased()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}/rounds/{ResponsesWorld.RoundId}");
        await AxeAsync(page, "the round with its controls");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an update for Bedfordshire Police" }).ClickAsync();
        await AxeAsync(page, "the record form");

        var actions = (await world.Get<IPlanStore>().GetAsync(Plan))!.Plan.ActionsLedBy(ResponsesWorld.Police).Select(a => a.Number).ToList();
        await page.CheckAsync("#given-how-phone");
        await page.ClickAsync("button:text('Record the update')");
        await Assertions.Expect(page.Locator("#actions-error")).ToBeVisibleAsync();
        await AxeAsync(page, "no action chosen");

        foreach (var n in actions)
        {
            await page.CheckAsync($"#include-{n}");
            await page.FillAsync($"#text-{n}", $"Told me by phone: action {n} is on track.");
            await page.SelectOptionAsync($"#status-{n}", "OnTrack");
            await page.SelectOptionAsync($"#rag-{n}", "Green");
        }
        await page.ClickAsync("button:text('Record the update')");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("recorded");
        await AxeAsync(page, "recorded");
        var latest = await world.LatestAsync();
        Assert.All(actions, n => Assert.Equal((UpdateChannel.Manager, "phone", ResponsesWorld.ManagerEmail), (latest[n].Channel, latest[n].GivenHow, latest[n].RecordedBy)));

        // Chasing stops: the lead owes nothing, so chasing it now is refused on the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Chase now Bedfordshire Police" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("owes nothing");
        await AxeAsync(page, "chase refused");
    }

    [BrowserFact]
    public async Task A_due_date_is_moved_for_one_lead_refusing_a_past_date_first()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}/rounds/{ResponsesWorld.RoundId}");
        await page.FillAsync("#due-date", "2019-01-01");
        await page.SelectOptionAsync("#lead", ResponsesWorld.Housing);
        await page.ClickAsync("button:text('Move the due date')");
        await Assertions.Expect(page.Locator("#due-date-error")).ToBeVisibleAsync();
        Assert.Equal("2019-01-01", await page.InputValueAsync("#due-date"));
        await AxeAsync(page, "a past due date");

        var later = world.DueDate.AddDays(14);
        await page.FillAsync("#due-date", later.ToString("yyyy-MM-dd"));
        await page.SelectOptionAsync("#lead", ResponsesWorld.Housing);
        await page.ClickAsync("button:text('Move the due date')");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("due date was moved");
        await AxeAsync(page, "moved");
        var round = (await world.Get<IPlanStore>().GetAsync(Plan))!.FindRound(ResponsesWorld.RoundId)!;
        Assert.Equal((later, world.DueDate), (round.DueDateFor(ResponsesWorld.Housing), round.DueDate));
    }

    [BrowserFact]
    public async Task Two_managers_edit_the_same_lead_at_once_and_neither_change_is_lost_silently()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var stored = (await world.Get<IPlanStore>().GetAsync(Plan))!;
        var people = PlanEditor.PeopleOf(stored.Plan);
        Assert.True((await world.Get<PlanEditor>().EditPeopleAsync(Plan, PlanEditor.VersionOf(people), [.. people.Managers, new Contact("Second Manager", SecondManager)], people.BoardMembers, "setup")).IsSaved);
        var path = $"api/manage/plans/{Plan}/leads/{ResponsesWorld.Police}/edit";
        var first = await SignInAsync(world, path);
        var second = await SignInAsync(world, path, SecondManager);
        await AxeAsync(first, "the edit form");

        await first.FillAsync("#name", "Bedfordshire Police (North)");
        await first.ClickAsync("button:text('Save the lead')");
        await Assertions.Expect(first.Locator(".govuk-notification-banner")).ToContainTextAsync("saved");

        var blank = await second.Locator("input[id$='-email'][value='']").First.GetAttributeAsync("id");
        var row = blank!.Replace("-email", "");
        await second.FillAsync($"#{row}-name", "New Officer");
        await second.FillAsync($"#{row}-email", "new.officer@example.org");
        await second.ClickAsync("button:text('Save the lead')");
        await Assertions.Expect(second.Locator("#theirs")).ToContainTextAsync("Bedfordshire Police (North)");
        Assert.Equal("new.officer@example.org", await second.InputValueAsync($"#{row}-email"));
        await AxeAsync(second, "the conflict");
        Assert.DoesNotContain((await world.Get<IPlanStore>().GetAsync(Plan))!.Plan.FindLead(ResponsesWorld.Police)!.Contacts, c => c.Email == "new.officer@example.org");

        // The second manager keeps the first one's name and saves their contact on top.
        await second.FillAsync("#name", "Bedfordshire Police (North)");
        await second.ClickAsync("button:text('Save the lead')");
        await Assertions.Expect(second.Locator(".govuk-notification-banner")).ToContainTextAsync("saved");
        var lead = (await world.Get<IPlanStore>().GetAsync(Plan))!.Plan.FindLead(ResponsesWorld.Police)!;
        Assert.Equal("Bedfordshire Police (North)", lead.Name);
        Assert.Contains(lead.Contacts, c => c.Email == "new.officer@example.org");
        Assert.Equal(2, (await world.Get<IPlanAudit>().ListAsync(Plan)).Count(c => c.What == $"Lead {ResponsesWorld.Police}"));
    }
}
