using System.Text.RegularExpressions;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Storage;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Tests.Responses;
using CspFunctions.Workbench;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;

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

    private const string BoardMember = "bea.board@example.org";

    [BrowserFact]
    public async Task Managers_and_board_members_are_edited_in_place_and_access_follows_at_once()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await world.Get<CspFunctions.Reporting.ISnapshotStore>().SaveAsync(Plan, ResponsesWorld.LastRoundId, CspFunctions.Reporting.ReportPublisher.HtmlFile,
            System.Text.Encoding.UTF8.GetBytes("<!doctype html><title>Published report</title><p>The board's report</p>"), "text/html", replace: false);
        var reportPath = $"api/reports/{Plan}/{ResponsesWorld.LastRoundId}/report.html";
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Managers and board members") }).ClickAsync();
        Assert.Equal("Managers and board members - CSP business plan", await page.TitleAsync());
        Assert.Equal(ResponsesWorld.ManagerEmail, await page.InputValueAsync("#manager-0-email"));
        await AxeAsync(page, "the people page");

        // The only manager takes themselves off, and a board member's address is mistyped: refused, what was entered kept.
        await page.CheckAsync("#manager-0-remove");
        await page.FillAsync("#board-0-name", "Bea Board");
        await page.FillAsync("#board-0-email", "bea.board@");
        await page.ClickAsync("button:text('Save the managers and board members')");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        Assert.Contains("like name@example.org", await page.InnerTextAsync("#board-0-email-error"));
        Assert.Equal("bea.board@", await page.InputValueAsync("#board-0-email"));
        await AxeAsync(page, "a bad address");
        await page.FillAsync("#board-0-email", BoardMember);
        await page.ClickAsync("button:text('Save the managers and board members')");
        await Assertions.Expect(page.Locator("#manager-0-email-error")).ToContainTextAsync("at least one manager");
        // Nor may they hand over to someone who has never signed in.
        await page.FillAsync("#manager-1-name", "New Person");
        await page.FillAsync("#manager-1-email", "new.person@example.org");
        await page.ClickAsync("button:text('Save the managers and board members')");
        await Assertions.Expect(page.Locator("#manager-0-email-error")).ToContainTextAsync("last manager");
        await AxeAsync(page, "the lock-out refused");
        Assert.Equal([ResponsesWorld.ManagerEmail], (await world.Get<IPlanStore>().GetAsync(Plan))!.Plan.Managers.Select(m => m.Email));

        // Kept as manager; a second manager and the board member added.
        await page.UncheckAsync("#manager-0-remove");
        await page.FillAsync("#manager-1-name", "Second Manager");
        await page.FillAsync("#manager-1-email", SecondManager);
        await page.ClickAsync("button:text('Save the managers and board members')");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("were saved");
        await AxeAsync(page, "saved");
        var plan = (await world.Get<IPlanStore>().GetAsync(Plan))!.Plan;
        Assert.Equal([ResponsesWorld.ManagerEmail, SecondManager], plan.Managers.Select(m => m.Email));
        Assert.Equal([BoardMember], plan.BoardMembers.Select(m => m.Email));

        // The board member signs in (the local sign-in page lists them now) and reads the published report.
        var board = await SignInAsync(world, reportPath, BoardMember);
        Assert.Contains("The board's report", await board.InnerTextAsync("body"));
        var boardOnManagerPage = await board.GotoAsync(world.Host.BaseAddress + $"api/manage/plans/{Plan}");
        Assert.Equal(403, boardOnManagerPage!.Status);
        // The second manager can open the plan's pages.
        var second = await SignInAsync(world, $"api/manage/plans/{Plan}/people", SecondManager);
        Assert.Equal(BoardMember, await second.InputValueAsync("#board-0-email"));

        // The board member is removed: their next request is refused.
        await page.CheckAsync("#board-0-remove");
        await page.ClickAsync("button:text('Save the managers and board members')");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("were saved");
        var refused = await board.GotoAsync(world.Host.BaseAddress + reportPath);
        Assert.Equal(403, refused!.Status);

        // The second manager's page is stale now: their save is a conflict that shows the current lists.
        await second.FillAsync("#board-1-name", "Late Addition");
        await second.FillAsync("#board-1-email", "late@example.org");
        await second.ClickAsync("button:text('Save the managers and board members')");
        await Assertions.Expect(second.Locator("#theirs")).ToContainTextAsync(SecondManager);
        Assert.Equal("late@example.org", await second.InputValueAsync("#board-1-email"));
        await AxeAsync(second, "the conflict");
        Assert.Empty((await world.Get<IPlanStore>().GetAsync(Plan))!.Plan.BoardMembers);

        // Both saves are on the plan's history page, with the lists before and after.
        await page.GotoAsync(world.Host.BaseAddress + $"api/manage/plans/{Plan}/history");
        var history = await page.InnerTextAsync("main");
        Assert.Contains("Managers and board members", history);
        Assert.Contains(BoardMember, history);
        Assert.Equal(2, (await world.Get<IPlanAudit>().ListAsync(Plan)).Count(c => c.What == "Managers and board members"));
        await AxeAsync(page, "the history");
    }

    [BrowserFact]
    public async Task A_reply_forwarded_to_the_lead_arrives_in_the_local_outbox_with_their_link_and_the_text_quoted()
    {
        var outbox = Directory.CreateTempSubdirectory("csp-forward-outbox-").FullName;
        await using var world = await ResponsesWorld.StartAsync(storage,
            services => services.AddSingleton<CspFunctions.Messaging.IMailSender>(sp => sp.GetRequiredService<CspFunctions.Messaging.LocalOutbox>()),
            overrides: new Dictionary<string, string?> { ["Csp:Outbox:Path"] = outbox });
        await RepliesWaitingTests.DeliverAsync(world, ResponsesWorld.Police, ResponsesWorld.PoliceEmail, "Not numbered: the knife arch is in use at the station.");
        var page = await SignInAsync(world, $"api/manage/plans/{Plan}/replies");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Deal with this reply") }).ClickAsync();
        await page.ClickAsync("#forward");
        await Assertions.Expect(page.Locator("#none-waiting")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("emailed");
        await AxeAsync(page, "forwarded");

        await page.GotoAsync(world.Host.BaseAddress + "outbox?recipient=" + Uri.EscapeDataString(ResponsesWorld.SecondPoliceEmail));
        var links = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^A reply about Bedfordshire Police") });
        await Assertions.Expect(links).ToHaveCountAsync(1);
        await links.ClickAsync();
        var text = await page.InnerTextAsync("pre.csp-plain-text");
        Assert.Contains("> Not numbered: the knife arch is in use at the station.", text);
        Assert.Matches(new Regex(@"http://localhost:7071/api/respond/\S+"), text);
        Assert.Equal(2, Directory.GetFiles(outbox, "*.eml", SearchOption.AllDirectories).Count(f => File.ReadAllText(f).Contains("Subject: A reply about")));
    }

    [BrowserFact]
    public async Task A_due_date_moved_for_one_lead_moves_its_chasing_on_the_fake_clock_and_nothing_is_sent_twice()
    {
        static DateTimeOffset Morning(DateOnly day)
        {
            var local = day.ToDateTime(new TimeOnly(9, 0));
            return new DateTimeOffset(local, CspFunctions.Chasing.LondonClock.Zone.GetUtcOffset(local));
        }
        var start = CspFunctions.Chasing.LondonClock.DateOf(DateTimeOffset.UtcNow);
        while (!CspFunctions.Calendar.UkWorkingDays.IsWorkingDay(start)) start = start.AddDays(1);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Morning(start));
        await using var world = await ResponsesWorld.StartAsync(storage, clock: clock);
        var stored = (await world.Get<IPlanStore>().GetAsync(Plan))!;
        var answering = stored.Plan.Leads.First(l => l.Id is not (ResponsesWorld.Police or ResponsesWorld.Housing) && stored.Plan.ActionsLedBy(l.Id).Any() && l.Contacts.Count > 0);
        var policy = CspFunctions.Chasing.ChasingPolicy.Default;
        static DateOnly OnOrAfter(DateOnly d) => CspFunctions.Calendar.UkWorkingDays.IsWorkingDay(d) ? d : CspFunctions.Calendar.UkWorkingDays.Add(d, 1);
        DateOnly Add(DateOnly d, int n) => CspFunctions.Calendar.UkWorkingDays.Add(d, n);
        var policeDue = OnOrAfter(world.DueDate);
        var reminderDay = Add(policeDue, -policy.ReminderWorkingDaysBeforeDue);
        var housingDue = world.DueDate.AddDays(14);
        var end = Add(OnOrAfter(housingDue), policy.OverdueChaserEveryWorkingDays);
        Assert.True(reminderDay > start);

        var page = await SignInAsync(world, $"api/manage/plans/{Plan}/rounds/{ResponsesWorld.RoundId}");
        var sent = new List<(DateOnly Day, string To, string Lead, string Stage)>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (!CspFunctions.Calendar.UkWorkingDays.IsWorkingDay(day)) continue;
            clock.SetUtcNow(Morning(day));
            if (day == Add(start, 1))
            {
                // The answering lead answers after the opening request: chasing it stops.
                var outcome = await world.Get<UpdateRecorder>().RecordAsync(Plan, ResponsesWorld.RoundId, answering.Id,
                    stored.Plan.ActionsLedBy(answering.Id).Select(a => new ReplyPlacement(a.Number, "On track.", ProgressStatus.OnTrack, Rag.Green, 0)).ToList(),
                    answering.Contacts[0].Name, day, "phone", ResponsesWorld.ManagerEmail);
                Assert.True(outcome.IsSaved, string.Join("; ", outcome.Errors.Select(e => e.Message)));
            }
            if (day == Add(reminderDay, 1))
            {
                // After both leads had their reminder, Housing's due date moves on the round page.
                await page.GotoAsync(world.Host.BaseAddress + $"api/manage/plans/{Plan}/rounds/{ResponsesWorld.RoundId}");
                await page.FillAsync("#due-date", housingDue.ToString("yyyy-MM-dd"));
                await page.SelectOptionAsync("#lead", ResponsesWorld.Housing);
                await page.ClickAsync("button:text('Move the due date')");
                await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("due date was moved");
                await AxeAsync(page, "moved on the fake clock");
            }
            var before = world.Mail.Sent.Count;
            await world.Host.FireTimerAsync("ChaseSweep");
            await world.Host.DrainQueueAsync("SendReminder");
            sent.AddRange(world.Mail.Sent.Skip(before).Where(m => m.CustomArgs.GetValueOrDefault("round") == ResponsesWorld.RoundId)
                .Select(m => (day, m.To.Email, m.CustomArgs["lead"], m.CustomArgs["stage"])));
        }

        List<(DateOnly, string)> To(string lead, string email) => sent.Where(s => s.Lead == lead && s.To.Equals(email, StringComparison.OrdinalIgnoreCase)).Select(s => (s.Day, s.Stage)).ToList();
        // Police keeps the round's dates through to escalation.
        Assert.Equal(new List<(DateOnly, string)>
            {
                (start, "opening"), (reminderDay, "reminder"), (policeDue, "due"), (Add(policeDue, 3), "overdue-1"), (Add(policeDue, 6), "overdue-2"), (Add(policeDue, 9), "escalation"),
            }.Where(s => s.Item1 <= end).ToList(),
            To(ResponsesWorld.Police, ResponsesWorld.PoliceEmail));
        // Housing follows its new date; its opening and reminder, sent before the move, are not sent again.
        Assert.Equal([(start, "opening"), (reminderDay, "reminder"), (OnOrAfter(housingDue), "due"), (end, "overdue-1")], To(ResponsesWorld.Housing, ResponsesWorld.HousingEmail));
        // The lead that answered got the opening request only.
        Assert.Equal([(start, "opening")], To(answering.Id, answering.Contacts[0].Email));
        Assert.DoesNotContain(sent, s => s.Lead == answering.Id && s.Stage != "opening");
        Assert.Equal(sent.Count, sent.Distinct().Count());
    }
}
