using CspFunctions.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CspFunctions.Tests.Responses;

/// <summary>The form in real chromium: keyboard only, on a phone-sized screen, and axe on every page state. The pages carry no
/// script at all (and their CSP allows none), so they work without JavaScript; the page-level check is in the first test.
/// (Playwright cannot drive a context with JavaScript disabled, and axe needs it.)</summary>
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
    public async Task Empty_error_and_saved_states_pass_axe_and_the_form_works_by_keyboard_without_JavaScript()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var page = await OpenAsync();
        await page.GotoAsync(world.Host.BaseAddress + ResponsesWorld.FormPath(world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail)).TrimStart('/'));
        Assert.Equal("Progress update", await page.TitleAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await AssertAccessibleAsync(page, "empty");

        // Keyboard only: tab to the first textarea, type, then submit with Enter on the button.
        await page.FocusAsync("#text-9");
        await page.Keyboard.TypeAsync("Typed with the keyboard <script>alert(1)</script>");
        await page.FocusAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Progress update");
        await AssertAccessibleAsync(page, "errors");
        await page.ClickAsync(".error-summary a[href='#status-9']");
        Assert.Equal("status-9", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.FocusAsync("#status-9");
        await page.SelectOptionAsync("#status-9", "OnTrack");
        await page.SelectOptionAsync("#rag-9", "Green");
        await page.FocusAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Progress saved");
        Assert.Equal("Typed with the keyboard <script>alert(1)</script>", (await page.InnerTextAsync("dl.captured dd")).Trim());
        await AssertAccessibleAsync(page, "saved");
        Assert.Equal("Typed with the keyboard <script>alert(1)</script>", (await world.LatestAsync())[9].Text);
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
        Assert.Equal("Check your email", await page.TitleAsync());
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
