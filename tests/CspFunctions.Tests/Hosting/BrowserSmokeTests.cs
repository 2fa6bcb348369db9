using CspFunctions.Tests.Infrastructure;
using Deque.AxeCore.Playwright;

namespace CspFunctions.Tests.Hosting;

[Collection(BrowserCollection.Name)]
public sealed class BrowserSmokeTests(BrowserFixture browser, StorageFixture storage)
{
    [BrowserFact]
    public async Task The_start_page_and_the_function_list_pass_axe()
    {
        await using var host = await TestHost.StartAsync(storage);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.BaseAddress + "");
        Assert.Equal("Try it on this machine - CSP business plan", await page.TitleAsync());
        await AssertAxeClean(page);

        await page.GotoAsync(host.BaseAddress + "admin/functions?code=" + host.FunctionKey);
        Assert.Equal("Functions - CSP business plan", await page.TitleAsync());
        Assert.True(await page.Locator("th[scope=row]", new() { HasTextString = "Health" }).IsVisibleAsync());
        await AssertAxeClean(page);
    }

    private static async Task AssertAxeClean(Microsoft.Playwright.IPage page)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }
}
