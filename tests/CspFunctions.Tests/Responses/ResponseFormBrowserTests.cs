using CspFunctions.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static CspFunctions.Tests.Infrastructure.KeyboardFocus;

namespace CspFunctions.Tests.Responses;

/// <summary>The form in real chromium: with JavaScript off and the keyboard only, on a phone-sized screen, and axe on every
/// page state (axe needs script, so those checks run in a context with JavaScript on).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponseFormBrowserTests(BrowserFixture browser, StorageFixture storage)
{
    private static async Task AssertAccessibleAsync(IPage page, string state)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, $"{state}: " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    private async Task<IPage> OpenAsync(BrowserNewContextOptions? options = null) =>
        await browser.NewPageAsync(options ?? new BrowserNewContextOptions { Locale = "en-GB" });

    [BrowserFact]
    public async Task Empty_error_and_saved_states_pass_axe()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var page = await OpenAsync();
        await page.GotoAsync(world.Host.BaseAddress + ResponsesWorld.FormPath(world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail)).TrimStart('/'));
        Assert.Equal("Progress update - CSP business plan", await page.TitleAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await AssertAccessibleAsync(page, "empty");

        await page.FocusAsync("#text-9");
        await page.Keyboard.TypeAsync("Typed with the keyboard <script>alert(1)</script>");
        await page.FocusAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Progress update - CSP business plan");
        await AssertAccessibleAsync(page, "errors");
        await page.ClickAsync(".govuk-error-summary a[href='#status-9']");
        Assert.Equal("status-9", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.FocusAsync("#status-9");
        await page.SelectOptionAsync("#status-9", "OnTrack");
        await page.SelectOptionAsync("#rag-9", "Green");
        await page.FocusAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Progress saved - CSP business plan");
        Assert.Equal("Typed with the keyboard <script>alert(1)</script>", (await page.InnerTextAsync("dl.captured dd")).Trim());
        await AssertAccessibleAsync(page, "saved");
        Assert.Equal("Typed with the keyboard <script>alert(1)</script>", (await world.LatestAsync())[9].Text);
    }

    [BrowserFact]
    public async Task The_form_works_by_keyboard_alone_with_JavaScript_disabled()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(world.Host.BaseAddress + ResponsesWorld.FormPath(world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail)).TrimStart('/'));
        Assert.Equal("Progress update - CSP business plan", await page.TitleAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());

        // Tab from the top of the page: the skip link, then each action's controls in reading order (the police have
        // several actions, 9 first), then the button.
        var actions = (await page.Locator("section.action h2").AllInnerTextsAsync()).Select(t => int.Parse(t.Replace("Action ", ""))).ToList();
        Assert.Equal(9, actions[0]);
        Assert.True(actions.Count > 1);
        var expected = new List<string> { "link #main-content: Skip to main content" };
        foreach (var n in actions)
        {
            if (await page.Locator($"#unchanged-{n}").CountAsync() == 1) expected.Add($"unchanged-{n}");
            expected.AddRange([$"status-{n}", $"rag-{n}", $"text-{n}"]);
        }
        expected.Add("button: Save progress");
        var order = new List<string>();
        for (var i = 0; i < expected.Count + 2 && order.LastOrDefault()?.StartsWith("button") != true; i++) order.Add(await PressAsync(page, "Tab"));
        Assert.Equal(expected, order);
        var fromText9ToButton = expected.Count - 1 - expected.IndexOf("text-9");

        // Back to action 9's text, type, and submit with Enter on the button: its status and RAG are missing.
        Assert.Equal("text-9", await PressAsync(page, "Shift+Tab", times: fromText9ToButton));
        await page.Keyboard.TypeAsync("Typed with the keyboard <script>alert(1)</script>");
        Assert.Equal("button: Save progress", await PressAsync(page, "Tab", times: fromText9ToButton));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Progress update - CSP business plan");

        // The error summary's link takes the focus to the field.
        var focus = await PressAsync(page, "Tab");
        for (var i = 0; i < 5 && !focus.StartsWith("link #status-9", StringComparison.Ordinal); i++) focus = await PressAsync(page, "Tab");
        Assert.StartsWith("link #status-9", focus); // a link of the error summary, reached by Tab
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("status-9", await FocusedAsync(page));

        // Arrow keys choose the options (Choose, Not started, On track; Choose, Red, Amber, Green), Tab moves on, Space submits.
        await PressAsync(page, "ArrowDown", times: 2);
        Assert.Equal("OnTrack", await page.InputValueAsync("#status-9"));
        Assert.Equal("rag-9", await PressAsync(page, "Tab"));
        await PressAsync(page, "ArrowDown", times: 3);
        Assert.Equal("Green", await page.InputValueAsync("#rag-9"));
        Assert.Equal("text-9", await PressAsync(page, "Tab"));
        Assert.Equal("Typed with the keyboard <script>alert(1)</script>", await page.InputValueAsync("#text-9"));
        Assert.Equal("button: Save progress", await PressAsync(page, "Tab", times: fromText9ToButton)); // past the other actions' controls
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page).ToHaveTitleAsync("Progress saved - CSP business plan");

        var saved = (await world.LatestAsync())[9];
        Assert.Equal(("Typed with the keyboard <script>alert(1)</script>", CspFunctions.Progress.ProgressStatus.OnTrack, CspFunctions.Progress.Rag.Green), (saved.Text, saved.Status, saved.Rag));
        await context.DisposeAsync();
    }

    [BrowserFact]
    public async Task The_conflict_state_passes_axe_and_shows_the_other_contacts_text()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var page = await OpenAsync();
        await page.GotoAsync(world.Host.BaseAddress + ResponsesWorld.FormPath(world.Token(ResponsesWorld.Police, ResponsesWorld.SecondPoliceEmail)).TrimStart('/'));
        await world.Get<CspFunctions.Plans.IProgressStore>().AddAsync(new CspFunctions.Progress.ProgressUpdate(ResponsesWorld.PlanId, ResponsesWorld.RoundId, 9, 1,
            CspFunctions.Progress.ProgressStatus.OnTrack, CspFunctions.Progress.Rag.Green, "Saved meanwhile by a colleague.", "Bedfordshire Police contact", ResponsesWorld.PoliceEmail, DateTimeOffset.UtcNow, CspFunctions.Progress.UpdateChannel.Form), 0);

        await page.FillAsync("#text-9", "My version.");
        await page.SelectOptionAsync("#status-9", "AtRisk");
        await page.SelectOptionAsync("#rag-9", "Amber");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("Saved meanwhile by a colleague.", await page.InnerTextAsync("#conflict-9"));
        Assert.Equal("My version.", await page.InputValueAsync("#text-9"));
        await AssertAccessibleAsync(page, "conflict");
    }

    [BrowserFact]
    public async Task The_expired_and_renewed_pages_pass_axe()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var page = await OpenAsync();
        var expired = world.Token(ResponsesWorld.Housing, ResponsesWorld.HousingEmail, DateTimeOffset.UtcNow.AddDays(-1));
        var response = await page.GotoAsync(world.Host.BaseAddress + ResponsesWorld.FormPath(expired).TrimStart('/'));
        Assert.Equal(410, response!.Status);
        await AssertAccessibleAsync(page, "expired");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Check your email - CSP business plan", await page.TitleAsync());
        await AssertAccessibleAsync(page, "renewed");
        Assert.Single(world.Mail.To(ResponsesWorld.HousingEmail));
    }

    [BrowserFact]
    public async Task On_a_phone_the_form_fits_the_screen_and_the_invalid_link_page_passes_axe()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var page = await OpenAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(world.Host.BaseAddress + ResponsesWorld.FormPath(world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail)).TrimStart('/'));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the page scrolls sideways on a phone");
        await AssertAccessibleAsync(page, "phone");

        var response = await page.GotoAsync(world.Host.BaseAddress + "api/respond/not-a-real-token");
        Assert.Equal(403, response!.Status);
        await AssertAccessibleAsync(page, "invalid");
    }
}
