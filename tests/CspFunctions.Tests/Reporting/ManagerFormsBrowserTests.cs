using System.Text.RegularExpressions;
using CspFunctions.Import;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Tests.Responses;
using CspFunctions.Tests.Workbench;
using CspFunctions.Workbench;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static CspFunctions.Tests.Infrastructure.KeyboardFocus;

namespace CspFunctions.Tests.Reporting;

/// <summary>Every manager page state (and the lead's form and its problem pages) under axe at phone width (375x667) and at
/// desktop width, and at 375 px none wider than the screen; and each manager form (upload, preview and confirm; publish and
/// send again; roll-over) used with the keyboard alone and JavaScript off, the focus order checked against the page's own
/// controls in document order and against the controls each page should have.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ManagerFormsBrowserTests(BrowserFixture browser, StorageFixture storage) : IDisposable
{
    private const string PlanId = "luton-2018-19";
    private const string RoundId = "2018-19-Q4";
    private readonly WireMockServer _hook = WireMockServer.Start();

    public void Dispose() => _hook.Stop();

    /// <summary>The header every manager page starts with: skip link, service name, service navigation, then the
    /// breadcrumbs given.</summary>
    private static List<string> Header(params string[] crumbs) =>
    [
        "link #main-content: Skip to main content",
        "link /api/manage: CSP business plan",
        "link /api/manage: Plans",
        "link /api/manage/upload: Upload a plan",
        .. crumbs,
    ];

    private async Task<TestHost> StartAsync()
    {
        var host = await TestHost.StartAsync(storage,
            new Dictionary<string, string?> { ["Csp:Board:WorkflowWebhookUrl"] = _hook.Url + "/board" },
            s =>
            {
                s.AddSingleton(new BoardWebhookRetry(1, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)));
                s.AddSingleton<ITeamsNotifier>(new RecordingTeamsNotifier());
            }, runQueues: true);
        await host.Services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());
        return host;
    }

    /// <summary>Opens a manager's page and signs in on the local sign-in page by keyboard: Tab to the manager's button, Enter.</summary>
    private static async Task<IPage> SignedInByKeyboardAsync(IBrowserContext context, Uri baseAddress, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseAddress + path);
        var button = $"button: Sign in as CSP Manager ({TestHost.SampleManager})";
        var order = await TabOrderAsync(page, button, 10);
        Assert.Equal(button, order.Last());
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/" + path) + "$"));
        return page;
    }

    private static async Task AssertAxeClean(IPage page, string state)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, $"{state} ({page.Url}): " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(2))})")));
    }

    /// <summary>The page is no wider than the window: nothing makes it scroll sideways. Names what sticks out if it does.</summary>
    private static async Task AssertFitsAsync(IPage page, string state)
    {
        var fit = await page.EvaluateAsync<FitResult>("""
            () => {
              const width = window.innerWidth;
              const out = [...document.querySelectorAll('body *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 0.5; })
                .slice(0, 6)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' to ' + Math.round(e.getBoundingClientRect().right) + 'px: ' + (e.innerText || '').slice(0, 40).replace(/\s+/g, ' '));
              return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, outside: out };
            }
            """);
        Assert.True(fit.ScrollWidth <= fit.InnerWidth, $"{state} ({page.Url}) is {fit.ScrollWidth} px wide in a {fit.InnerWidth} px window: {string.Join("; ", fit.Outside)}");
    }

    private sealed class FitResult
    {
        public int ScrollWidth { get; set; }
        public int InnerWidth { get; set; }
        public string[] Outside { get; set; } = [];
    }

    /// <summary>Visits every manager page state of a plan with an open round (plans, plan, round with its controls, a filter
    /// not understood, a refused due date, last round, record an update, replies waiting and one reply, history of the plan,
    /// of an action and of a lead, the lead's edit page, an action's edit and retire pages, adding an action, upload, upload
    /// with an error, preview, imported), then the lead's
    /// form (empty, with errors, saved) and its problem pages (expired and invalid links), calling check on each.</summary>
    private async Task WalkEveryPageStateAsync(BrowserNewContextOptions options, Func<IPage, string, Task> check)
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await RepliesWaitingTests.DeliverAsync(world, ResponsesWorld.Police, ResponsesWorld.PoliceEmail, "Knife crime referrals are up. The schools programme started.");
        var context = await browser.Browser.NewContextAsync(options);
        var plan = ResponsesWorld.PlanId;
        var manage = $"api/manage/plans/{plan}";
        var page = await context.NewPageAsync();
        await page.GotoAsync(world.Host.BaseAddress + "api/manage");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Sign in as .*" + Regex.Escape(ResponsesWorld.ManagerEmail)) }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Plans - "));
        async Task Visit(string path, string state, string? title = null)
        {
            await page.GotoAsync(world.Host.BaseAddress + path);
            if (title is not null) await Assertions.Expect(page).ToHaveTitleAsync(new Regex(title));
            await check(page, state);
        }

        await check(page, "plans");
        await Visit(manage, "plan");
        await Visit($"{manage}/rounds/{ResponsesWorld.RoundId}", "round, open, with its controls");
        Assert.Equal(1, await page.Locator("#due-date").CountAsync());
        await Visit($"{manage}/rounds/{ResponsesWorld.RoundId}?rag=purple", "round with a filter not understood", "^Error: ");
        await page.GotoAsync(world.Host.BaseAddress + $"{manage}/rounds/{ResponsesWorld.RoundId}");
        await page.FillAsync("#due-date", "2019-01-01");
        await page.ClickAsync("button:text('Move the due date')");
        await Assertions.Expect(page.Locator("#due-date-error")).ToBeVisibleAsync();
        await check(page, "round with a refused due date");
        await Visit($"{manage}/rounds/{ResponsesWorld.LastRoundId}", "last quarter's round");
        await Visit(RecordUpdatePage.Path(plan, ResponsesWorld.RoundId, ResponsesWorld.Police).Replace("manage/", "api/manage/"), "record an update");
        await Visit($"{manage}/replies", "replies waiting");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Deal with this reply") }).ClickAsync();
        await check(page, "one reply");
        await Visit($"{manage}/history", "plan history");
        await Visit($"{manage}/actions/9", "history of an action");
        await Visit($"{manage}/leads/{ResponsesWorld.Police}", "a lead's page");
        await Visit($"{manage}/leads/{ResponsesWorld.Police}/edit", "a lead's edit page");
        await Visit($"{manage}/actions/9/edit", "an action's edit page");
        await Visit($"{manage}/actions/9/retire", "retiring an action");
        await Visit(manage, "plan, again");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action", Exact = true }).ClickAsync();
        await check(page, "adding an action");

        await Visit("api/manage/upload", "upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Upload a plan"));
        await check(page, "upload with an error");
        var docx = WordReport.Render(ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Manager));
        await page.GetByLabel("Plan file").SetInputFilesAsync(new FilePayload { Name = "plan.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = docx });
        await page.GetByLabel("Plan id").FillAsync("walk-plan");
        await page.GetByLabel("Plan name").FillAsync("Walk plan");
        await page.GetByLabel("First calendar year of the financial year").FillAsync("2019");
        await page.GetByLabel("CSP manager's email").FillAsync(ResponsesWorld.ManagerEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the plan before importing");
        await check(page, "preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Created plan walk-plan");
        await check(page, "imported");

        // The lead's side: the form by its link, with errors, saved; an expired link and one that is not a link at all.
        await Visit(ResponsesWorld.FormPath(world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail)).TrimStart('/'), "the lead's form", "^Progress update - ");
        await page.FillAsync("#text-9", "Typed on a phone.");
        await page.ClickAsync("button:text('Save progress')");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Progress update"));
        await check(page, "the lead's form with errors");
        await page.SelectOptionAsync("#status-9", "OnTrack");
        await page.SelectOptionAsync("#rag-9", "Green");
        await page.ClickAsync("button:text('Save progress')");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Progress saved - "));
        await check(page, "the lead's form saved");
        await Visit(ResponsesWorld.FormPath(world.Token(ResponsesWorld.Housing, ResponsesWorld.HousingEmail, DateTimeOffset.UtcNow.AddDays(-1))).TrimStart('/'), "an expired link");
        await Visit("api/respond/not-a-real-token", "a link that is not one");
        await context.DisposeAsync();
    }

    private static BrowserNewContextOptions Phone => new()
    {
        Locale = "en-GB", ViewportSize = new ViewportSize { Width = 375, Height = 667 }, IsMobile = true, HasTouch = true,
    };

    [BrowserFact]
    public async Task At_phone_width_every_page_state_fits_the_screen_and_passes_axe()
    {
        var states = new List<string>();
        await WalkEveryPageStateAsync(Phone, async (page, state) =>
        {
            Assert.Equal(375, await page.EvaluateAsync<int>("window.innerWidth"));
            await AssertFitsAsync(page, state);
            await AssertAxeClean(page, state);
            states.Add(state);
        });
        Assert.Equal(26, states.Count);
    }

    [BrowserFact]
    public async Task At_desktop_width_every_page_state_passes_axe()
    {
        var states = 0;
        await WalkEveryPageStateAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } }, async (page, state) =>
        {
            await AssertAxeClean(page, state);
            states++;
        });
        Assert.Equal(26, states);
    }

    [BrowserFact]
    public async Task Uploading_previewing_and_confirming_a_plan_work_by_keyboard_alone_with_JavaScript_disabled()
    {
        await using var host = await StartAsync();
        var plans = host.Services.GetRequiredService<IPlanStore>();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = false });
        var page = await SignedInByKeyboardAsync(context, host.BaseAddress, "api/manage/upload");
        Assert.Equal(0, await page.Locator("script").CountAsync());

        // Tab from the top: the header, the breadcrumb, then every field in reading order, then the button; nothing else.
        var button = "button: Upload and preview";
        var fields = new[] { "file", "id", "name", "year", "managerName", "managerEmail", "round" };
        Assert.Equal(Header("link /api/manage: Plans").Concat(fields).Append(button).ToList(), await AssertTabOrderFollowsMarkupAsync(page, button));

        // Enter on the button with no file: the error summary links to the file field.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Upload a plan - CSP business plan");
        var summaryLink = "link #file: Choose a plan file to upload. Nothing was imported.";
        Assert.Equal(Header("link /api/manage: Plans").Append(summaryLink).ToList(), await AssertTabOrderFollowsMarkupAsync(page, summaryLink));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("file", await FocusedAsync(page));

        // Space on the file field opens the chooser; then each field by Tab, typing; Shift+Tab goes back one.
        var docx = WordReport.Render(ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Manager));
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync(" "));
        await chooser.SetFilesAsync(new FilePayload { Name = "plan.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = docx });
        var values = new Dictionary<string, string>
        {
            ["id"] = "keyboard-plan", ["name"] = "Keyboard plan", ["year"] = "2019", ["managerName"] = "CSP Manager", ["managerEmail"] = TestHost.SampleManager, ["round"] = "2019-20-Q1",
        };
        foreach (var (field, value) in values)
        {
            Assert.Equal(field, await PressAsync(page, "Tab"));
            await page.Keyboard.TypeAsync(value);
        }
        Assert.Equal("managerEmail", await PressAsync(page, "Shift+Tab"));
        Assert.Equal(TestHost.SampleManager, await page.InputValueAsync("#managerEmail"));
        Assert.Equal(button, await PressAsync(page, "Tab", times: 2));
        await page.Keyboard.PressAsync("Enter");

        // The preview: nothing stored yet. Tab from the top reaches Confirm first (the tables hold no links), then the
        // link back to the file field and the form again with what was entered.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the plan before importing");
        Assert.Contains("Confirming creates plan keyboard-plan.", await page.Locator(".govuk-warning-text").InnerTextAsync());
        Assert.Null(await plans.GetAsync("keyboard-plan"));
        var confirm = "button: Confirm import";
        Assert.Equal(Header("link /api/manage: Plans").Append(confirm).ToList(), await AssertTabOrderFollowsMarkupAsync(page, confirm));
        Assert.Equal([confirm, "link #file: Choose another file", "file", "id"], (await MarkupTabStopsAsync(page)).SkipWhile(s => s != confirm).Take(4));
        Assert.Equal("keyboard-plan", await page.InputValueAsync("#id"));

        // Space on Confirm stores it; the banner's link opens the plan, by Tab and Enter.
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Created plan keyboard-plan: 28 actions");
        var stored = await plans.GetAsync("keyboard-plan");
        Assert.Equal("Keyboard plan", stored!.Plan.Name);
        Assert.Equal(28, (await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync("keyboard-plan", "2019-20-Q1")).Count);
        var open = "link /api/manage/plans/keyboard-plan: Open plan keyboard-plan";
        Assert.Equal(Header("link /api/manage: Plans").Append(open).ToList(), await AssertTabOrderFollowsMarkupAsync(page, open));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Keyboard plan"));
        await context.DisposeAsync();
    }

    [BrowserFact]
    public async Task Publishing_and_sending_again_work_by_keyboard_alone_with_JavaScript_disabled()
    {
        // The board channel fails its first try (one attempt, no retry here), so "Send again" is offered; then it answers.
        _hook.Given(Request.Create().WithPath("/board").UsingPost()).InScenario("b").WillSetStateTo("up").RespondWith(Response.Create().WithStatusCode(500));
        _hook.Given(Request.Create().WithPath("/board").UsingPost()).InScenario("b").WhenStateIs("up").RespondWith(Response.Create().WithStatusCode(202));
        await using var host = await StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = false });
        var roundPath = $"api/manage/plans/{PlanId}/rounds/{RoundId}";
        var page = await SignedInByKeyboardAsync(context, host.BaseAddress, roundPath);
        var stored = (await host.Services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!;
        var plan = stored.Plan;
        var crumbs = new[] { "link /api/manage: Plans", $"link /api/manage/plans/{PlanId}: {plan.Name}" };

        // Tab from the top to Publish: the focus follows the markup, and the controls on the way are the steering forms
        // (due date, for whom, move; close or re-open; chase now per lead while open), the filters, the report's two choices and
        // Generate, then Publish. The links on the way are the header's, each lead's page and record-an-update link, and
        // each action's history.
        var publish = "button: Publish to the board";
        var stops = await AssertTabOrderFollowsMarkupAsync(page, publish);
        var leads = plan.Leads.Where(l => plan.ActionsLedBy(l.Id).Any()).ToList();
        // The sample's last round is past its due date and closed: re-open instead of close, and no one to chase.
        var round = stored.FindRound(RoundId)!;
        Assert.Equal(RoundState.Closed, round.State);
        Assert.Equal([.. DateField("due-date"), "lead", "button: Move the due date", "button: Re-open the round",
            "filter-status", "filter-rag", "filter-answered", "filter-lead", "button: Filter", "audience", "format", "button: Generate", publish], Controls(stops));
        Assert.Equal(leads.Count, await page.GetByText("Not while the round is closed").CountAsync());
        Assert.Equal(Header(crumbs), stops[..Header(crumbs).Count]);
        Assert.Equal(Header(crumbs).Count + 2 * leads.Count + plan.Actions.Count, stops.Count(s => s.StartsWith("link ", StringComparison.Ordinal)));

        // Back to the format, an arrow changes the choice; Shift+Tab and Tab move between the two selects.
        Assert.Equal("format", await PressAsync(page, "Shift+Tab", times: 2));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("docx", await page.InputValueAsync("#format"));
        Assert.Equal("audience", await PressAsync(page, "Shift+Tab"));
        Assert.Equal(publish, await PressAsync(page, "Tab", times: 3));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The report was published and the round is locked.");
        Assert.NotNull(await host.Services.GetRequiredService<IPublicationStore>().GetAsync(PlanId, RoundId));

        // The notice goes from the queue: reload until it has been tried (and failed).
        var board = page.Locator("tr:has(th:text('Board channel')) td").First;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); await board.InnerTextAsync() != "Failed" && DateTime.UtcNow < deadline; await Task.Delay(200))
            await page.ReloadAsync();
        Assert.Equal("Failed", await board.InnerTextAsync());

        // Published: the steering forms are gone; the snapshot links come before "Send again"; Space presses it.
        var snapshot = $"/api/reports/{PlanId}/{RoundId}/";
        var sendAgain = "button: Send again";
        stops = await AssertTabOrderFollowsMarkupAsync(page, sendAgain);
        Assert.Equal(["filter-status", "filter-rag", "filter-answered", "filter-lead", "button: Filter", "audience", "format", "button: Generate", sendAgain], Controls(stops));
        Assert.Equal([$"link {snapshot}{ReportPublisher.HtmlFile}: web page", $"link {snapshot}{ReportPublisher.DocxFile}: Word document", sendAgain], stops[^3..]);
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The notices were sent again.");
        Assert.Equal("Sent", await board.InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Send again" }).CountAsync());
        await context.DisposeAsync();
    }

    [BrowserFact]
    public async Task Rolling_over_works_by_keyboard_alone_with_JavaScript_disabled()
    {
        await using var host = await StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = false });
        var page = await SignedInByKeyboardAsync(context, host.BaseAddress, $"api/manage/plans/{PlanId}");

        // Tab from the top to the button: the focus follows the markup, starting with the header and breadcrumb, passing
        // each round's link (latest first), and ending with the new plan's id and the button.
        var button = "button: Create next year's plan";
        var stops = await AssertTabOrderFollowsMarkupAsync(page, button);
        Assert.Equal(Header("link /api/manage: Plans"), stops[..(Header().Count + 1)]);
        var stored = (await host.Services.GetRequiredService<IPlanStore>().GetAsync(PlanId))!;
        var roundLinks = stored.Rounds.OrderByDescending(r => r.DueDate).Select(r => $"link /api/manage/plans/{PlanId}/rounds/{r.Id}: {r.Id}").ToList();
        Assert.NotEmpty(roundLinks);
        Assert.Equal(roundLinks, stops.Where(roundLinks.Contains).ToList());
        Assert.Equal(["newId", button], stops[^2..]);

        // Back to the suggested id, replace it, and send with Enter from the field.
        Assert.Equal("newId", await PressAsync(page, "Shift+Tab"));
        Assert.Equal("luton-2019-20", await page.InputValueAsync("#newId"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("luton-2019-20-by-keyboard");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Next year's plan was created from this one.");
        Assert.EndsWith("/api/manage/plans/luton-2019-20-by-keyboard?done=rolled-over", page.Url);
        Assert.NotNull(await host.Services.GetRequiredService<IPlanStore>().GetAsync("luton-2019-20-by-keyboard"));
        await context.DisposeAsync();
    }
}
