using CspFunctions.LocalHost;
using CspFunctions.LocalHost.Demo;
using CspFunctions.Plans;
using CspFunctions.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace CspFunctions.Tests.Trying;

/// <summary>The four journeys as a newcomer walks them in chromium, from the start page, with axe on every page: a lead
/// answers by the link in their opening request, another replies from the outbox, the manager (signed in locally) sees
/// both and publishes, and the board's card is in the outbox, drawn by the Adaptive Cards renderer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NewcomerWalkTests(BrowserFixture browser, StorageFixture storage) : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "csp-walk-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_outbox)) Directory.Delete(_outbox, recursive: true);
    }

    /// <param name="frames">Off for a mail's page: its HTML part is in a sandboxed frame where no script may run, axe's
    /// included (the mail's HTML is checked as mail elsewhere).</param>
    private static async Task AssertAxeClean(IPage page, bool frames = true)
    {
        var axe = await page.RunAxe(frames ? null : new Deque.AxeCore.Commons.AxeRunOptions { Iframes = false });
        Assert.True(axe.Violations.Length == 0, page.Url + ": " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(2))})")));
    }

    [BrowserFact]
    public async Task A_newcomer_answers_by_link_and_by_reply_publishes_as_manager_and_sees_the_board_s_card()
    {
        // The board's notice goes from a queue message, so this host runs its queues (its queues are its own).
        await using var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox }, runQueues: true);
        var demo = await ActivatorUtilities.CreateInstance<DemoRound>(host.Services).EnsureAsync(storage.LoadSample());
        var plan = (await host.Services.GetRequiredService<IPlanStore>().GetAsync(demo.PlanId))!.Plan;
        var singleActionLeads = plan.Leads.Where(l => plan.ActionsLedBy(l.Id).Count() == 1).ToList();
        Assert.True(singleActionLeads.Count >= 2, "the sample has two leads with one action each");
        var (byLink, byReply) = (singleActionLeads[0], singleActionLeads[1]);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(host.BaseAddress.ToString());
        Assert.Equal("Try it on this machine - CSP business plan", await page.TitleAsync());
        await AssertAxeClean(page);

        // 1. A lead by link: their opening request in the outbox, its link, the form, saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Opening requests in the outbox" }).ClickAsync();
        Assert.Equal("Local outbox - CSP business plan", await page.TitleAsync());
        await AssertAxeClean(page);
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = byLink.Contacts[0].Email }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await AssertAxeClean(page, frames: false);
        var opening = MimeMessage.Load(Path.Combine(_outbox, "mail", Uri.UnescapeDataString(new Uri(page.Url).Segments[^1])));
        Assert.Contains(opening.To.Mailboxes, m => m.Address == byLink.Contacts[0].Email);
        var link = new Uri(QuarterSimulation.ResponseLinkIn(opening)!);
        await page.GotoAsync(host.BaseAddress + link.PathAndQuery.TrimStart('/'));
        await AssertAxeClean(page);
        var number = plan.ActionsLedBy(byLink.Id).Single().Number;
        await page.FillAsync($"#text-{number}", "Four awareness sessions were run this quarter.");
        await page.SelectOptionAsync($"#status-{number}", "OnTrack");
        await page.SelectOptionAsync($"#rag-{number}", "Green");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress" }).ClickAsync();
        Assert.Equal("Thank you: your progress is saved", (await page.Locator("h1").TextContentAsync())?.Trim());
        await AssertAxeClean(page);

        // 2. Another lead by reply: "Reply as this lead" on their reminder in the outbox.
        await page.GotoAsync(host.BaseAddress + "outbox");
        await page.GetByLabel("Recipient").FillAsync(byReply.Contacts[0].Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await AssertAxeClean(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Reply as this lead" }).First.ClickAsync();
        Assert.Equal("Reply as this lead - CSP business plan", await page.TitleAsync());
        await AssertAxeClean(page);
        await page.GetByLabel("Your reply").FillAsync("The partnership panel met twice and agreed the plan.");
        await page.GetByLabel("Signature (optional)").FillAsync("Kind regards\nA. Lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the reply" }).ClickAsync();
        Assert.Contains("Applied", await page.Locator("#inbound-answer").TextContentAsync());
        await AssertAxeClean(page);

        // 3. The manager, signed in locally: both answers on the round page, then publish.
        await page.GetByRole(AriaRole.Link, new() { Name = "See the lead on the manager's round page" }).ClickAsync();
        Assert.Contains("/.auth/login/aad", page.Url);
        await AssertAxeClean(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as CSP Manager ({TestHost.SampleManager})" }).First.ClickAsync();
        Assert.EndsWith($"/api/manage/plans/{demo.PlanId}/rounds/{demo.RoundId}", page.Url);
        foreach (var lead in new[] { byLink, byReply })
            Assert.Contains("All answered", await page.GetByRole(AriaRole.Row).Filter(new() { HasText = lead.Name }).First.TextContentAsync());
        await AssertAxeClean(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish to the board" }).ClickAsync();
        Assert.Contains("Published", await page.Locator("main").TextContentAsync());
        await AssertAxeClean(page);

        // 4. The board: its card in the outbox once the queue has sent it, drawn as Teams shows it.
        var boardFolder = Path.Combine(_outbox, "board");
        for (var i = 0; i < 300 && !(Directory.Exists(boardFolder) && Directory.GetFiles(boardFolder).Length > 0); i++) await Task.Delay(100);
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "The board's cards in the outbox" }).ClickAsync();
        await AssertAxeClean(page);
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "board card" }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        var rendered = page.Locator("#card-rendered");
        await rendered.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        Assert.Contains(plan.Name, await rendered.TextContentAsync());
        Assert.True(await rendered.Locator("button", new() { HasTextString = "Open the report" }).IsVisibleAsync(), await rendered.InnerHTMLAsync());
        Assert.False(await page.Locator("#card-not-rendered").IsVisibleAsync());
        await AssertAxeClean(page);
    }
}
