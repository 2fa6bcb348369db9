using CspFunctions.Import;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static CspFunctions.Tests.Infrastructure.KeyboardFocus;

namespace CspFunctions.Tests.Reporting;

/// <summary>The manager's pages at phone width under axe, and each manager form (upload, publish and send again, roll-over)
/// used with the keyboard alone and JavaScript off: Tab, Shift+Tab, Space, Enter and arrows, with the focus order asserted.</summary>
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

    private static async Task<IPage> SignedInAsync(IBrowserContext context, TestHost host, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress + path);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as CSP Manager ({TestHost.SampleManager})" }).ClickAsync();
        Assert.EndsWith("/" + path, page.Url);
        return page;
    }

    private static async Task AssertAxeClean(IPage page, string state)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, $"{state} ({page.Url}): " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(2))})")));
    }

    [BrowserFact]
    public async Task At_phone_width_every_manager_page_passes_axe()
    {
        await using var host = await StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB", ViewportSize = new ViewportSize { Width = 375, Height = 667 }, IsMobile = true, HasTouch = true,
        });
        var page = await SignedInAsync(context, host, "api/manage");
        Assert.Equal(375, await page.EvaluateAsync<int>("window.screen.width"));
        await AssertAxeClean(page, "plans");
        await page.GotoAsync(host.BaseAddress + $"api/manage/plans/{PlanId}");
        await AssertAxeClean(page, "plan");
        await page.GotoAsync(host.BaseAddress + $"api/manage/plans/{PlanId}/rounds/{RoundId}");
        Assert.Contains("Partnership leads", await page.Locator("main").InnerTextAsync());
        await AssertAxeClean(page, "round");
        await page.GotoAsync(host.BaseAddress + "api/manage/upload");
        await AssertAxeClean(page, "upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Upload a plan - CSP business plan");
        await AssertAxeClean(page, "upload with an error");
        await context.DisposeAsync();
    }

    [BrowserFact]
    public async Task Uploading_a_plan_works_by_keyboard_alone_with_JavaScript_disabled()
    {
        await using var host = await StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = false });
        var page = await SignedInAsync(context, host, "api/manage/upload");
        Assert.Equal(0, await page.Locator("script").CountAsync());

        // Tab from the top: the header, the breadcrumb, then every field in reading order, then the button.
        var fields = new[] { "file", "id", "name", "year", "managerName", "managerEmail", "round" };
        var expected = Header("link /api/manage: Plans").Concat(fields).Append("button: Upload and import").ToList();
        Assert.Equal(expected, await TabOrderAsync(page, "button: Upload and import", expected.Count));

        // Enter on the button with no file: the error summary links to the file field.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Upload a plan - CSP business plan");
        var summaryLink = "link #file: Choose a plan file to upload. Nothing was imported.";
        Assert.Equal(Header("link /api/manage: Plans").Append(summaryLink).ToList(), await TabOrderAsync(page, summaryLink, Header().Count + 2));
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
        Assert.Equal("button: Upload and import", await PressAsync(page, "Tab", times: 2));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Created plan keyboard-plan: 28 actions");
        var stored = await host.Services.GetRequiredService<IPlanStore>().GetAsync("keyboard-plan");
        Assert.Equal("Keyboard plan", stored!.Plan.Name);
        Assert.Equal(28, (await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync("keyboard-plan", "2019-20-Q1")).Count);
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
        var page = await SignedInAsync(context, host, roundPath);
        var planName = ReportData.Sample.Plan.Name;
        var crumbs = new[] { "link /api/manage: Plans", $"link /api/manage/plans/{PlanId}: {planName}" };

        // Tab from the top: header, breadcrumbs, the report's two choices and Generate, then Publish.
        var expected = Header(crumbs).Concat(["audience", "format", "button: Generate", "button: Publish to the board"]).ToList();
        Assert.Equal(expected, await TabOrderAsync(page, "button: Publish to the board", expected.Count));

        // Back to the format, an arrow changes the choice; Shift+Tab and Tab move between the two selects.
        Assert.Equal("format", await PressAsync(page, "Shift+Tab", times: 2));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("docx", await page.InputValueAsync("#format"));
        Assert.Equal("audience", await PressAsync(page, "Shift+Tab"));
        Assert.Equal("button: Publish to the board", await PressAsync(page, "Tab", times: 3));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The report was published and the round is locked.");
        Assert.NotNull(await host.Services.GetRequiredService<IPublicationStore>().GetAsync(PlanId, RoundId));

        // The notice goes from the queue: reload until it has been tried (and failed).
        var board = page.Locator("tr:has(th:text('Board channel')) td").First;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); await board.InnerTextAsync() != "Failed" && DateTime.UtcNow < deadline; await Task.Delay(200))
            await page.ReloadAsync();
        Assert.Equal("Failed", await board.InnerTextAsync());

        // Now the snapshot links come before "Send again"; Space presses it.
        var snapshot = $"/api/reports/{PlanId}/{RoundId}/";
        var sendAgain = "button: Send again";
        expected = Header(crumbs).Concat(["audience", "format", "button: Generate", $"link {snapshot}{ReportPublisher.HtmlFile}: web page", $"link {snapshot}{ReportPublisher.DocxFile}: Word document", sendAgain]).ToList();
        Assert.Equal(expected, await TabOrderAsync(page, sendAgain, expected.Count));
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
        var page = await SignedInAsync(context, host, $"api/manage/plans/{PlanId}");

        // Tab from the top: header, breadcrumb, each round's link (latest first), then the new id and the button.
        var rounds = new List<string>();
        foreach (var link in await page.Locator("main table a").AllAsync())
            rounds.Add($"link {await link.GetAttributeAsync("href")}: {(await link.InnerTextAsync()).Trim()}");
        Assert.NotEmpty(rounds);
        var button = "button: Create next year's plan";
        var expected = Header("link /api/manage: Plans").Concat(rounds).Concat(["newId", button]).ToList();
        Assert.Equal(expected, await TabOrderAsync(page, button, expected.Count));

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
