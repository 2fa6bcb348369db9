using CspFunctions.Tests.Infrastructure;
using Deque.AxeCore.Playwright;

namespace CspFunctions.Tests.Hosting;

[Collection(BrowserCollection.Name)]
public sealed class BrowserSmokeTests(BrowserFixture browser, StorageFixture storage)
{
    [BrowserFact]
    public async Task The_local_host_home_page_lists_the_functions_and_passes_axe()
    {
        await using var host = await TestHost.StartAsync(storage);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.BaseAddress + "");
        Assert.Equal("CspFunctions local host - CSP business plan", await page.TitleAsync());
        Assert.True(await page.Locator("th[scope=row]", new() { HasTextString = "Health" }).IsVisibleAsync());
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }
}
