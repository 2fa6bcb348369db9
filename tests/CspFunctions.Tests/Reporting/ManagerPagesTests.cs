using System.Net;
using System.Text;
using System.Text.RegularExpressions;
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

namespace CspFunctions.Tests.Reporting;

/// <summary>The manager's journey in chromium through the real local host: overview, round status, generate, publish, send again, upload.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ManagerPagesTests(BrowserFixture browser, StorageFixture storage) : IDisposable
{
    private readonly WireMockServer _hook = WireMockServer.Start();

    public void Dispose() => _hook.Stop();

    private async Task<TestHost> StartAsync(bool javaScript = true)
    {
        // The board notices go from a queue message, so the host runs its queues (each test has queues of its own).
        var host = await TestHost.StartAsync(storage,
            new Dictionary<string, string?> { ["Csp:Board:WorkflowWebhookUrl"] = _hook.Url + "/board" },
            s =>
            {
                s.AddSingleton(new BoardWebhookRetry(2, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)));
                s.AddSingleton<ITeamsNotifier>(new RecordingTeamsNotifier());
            }, runQueues: true);
        await host.Services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());
        return host;
    }

    /// <summary>axe needs script, so a page seen without JavaScript is checked again in a script-enabled page with the same
    /// sign-in session (and it must be that page, not the sign-in page it would otherwise be sent to).</summary>
    private async Task AssertAxeCleanWithScript(IPage signedIn)
    {
        var url = signedIn.Url;
        var page = await browser.NewPageAsync();
        await page.Context.AddCookiesAsync((await signedIn.Context.CookiesAsync()).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await page.GotoAsync(url);
        Assert.Equal(url, page.Url);
        await AssertAxeClean(page);
        await page.Context.CloseAsync();
    }

    /// <summary>Opens a people's page as the manager would: the app sends the browser to sign in (the local host's stand-in
    /// for Entra ID), the manager picks themselves from the people the plans list, and lands back on the page.</summary>
    private static async Task SignInAsManagerAsync(IPage page, TestHost host, string path)
    {
        await page.GotoAsync(host.BaseAddress + path);
        Assert.Contains("/.auth/login/aad", page.Url);
        Assert.Equal("Sign in (local) - CSP business plan", await page.TitleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as CSP Manager ({TestHost.SampleManager})" }).ClickAsync();
        Assert.EndsWith("/" + path, page.Url);
    }

    private static async Task AssertAxeClean(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, page.Url + ": " + string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(2))})")));
    }

    [BrowserFact]
    public async Task Manager_sees_who_answered_generates_checks_and_publishes_without_javascript()
    {
        _hook.Given(Request.Create().WithPath("/board").UsingPost()).InScenario("b").WillSetStateTo("up").RespondWith(Response.Create().WithStatusCode(500));
        _hook.Given(Request.Create().WithPath("/board").UsingPost()).InScenario("b").WhenStateIs("up").WillSetStateTo("up2").RespondWith(Response.Create().WithStatusCode(503));
        _hook.Given(Request.Create().WithPath("/board").UsingPost()).InScenario("b").WhenStateIs("up2").RespondWith(Response.Create().WithStatusCode(202));
        await using var host = await StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await SignInAsManagerAsync(page, host, "api/manage");
        await AssertAxeCleanWithScript(page);
        await page.GetByRole(AriaRole.Link, new() { Name = ReportData.Sample.Plan.Name }).ClickAsync();
        Assert.EndsWith("/api/manage/plans/luton-2018-19", page.Url);
        await AssertAxeCleanWithScript(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "2018-19-Q4" }).ClickAsync();
        await AssertAxeCleanWithScript(page);
        Assert.Contains("28 of 28", await page.Locator("main").InnerTextAsync());
        var leadRows = page.Locator("table:has(caption:text('Partnership leads')) tbody tr");
        Assert.Equal(ReportData.Sample.Plan.Leads.Count(l => ReportData.Sample.Plan.ActionsLedBy(l.Id).Any()), await leadRows.CountAsync());

        await page.GetByLabel("Format", new() { Exact = true }).SelectOptionAsync("html");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        Assert.Contains("audience=manager", page.Url);
        Assert.Equal(28, await page.Locator("table.plan tbody tr").CountAsync());
        await AssertAxeCleanWithScript(page);
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish to the board" }).ClickAsync();
        Assert.Contains("done=published", page.Url);
        Assert.Contains("The report was published and the round is locked.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        // The notice goes from the queue: reload until the queue function has tried it.
        var board = page.Locator("tr:has(th:text('Board channel')) td").First;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); await board.InnerTextAsync() != "Failed" && DateTime.UtcNow < deadline; await Task.Delay(200))
            await page.ReloadAsync();
        Assert.Equal("Failed", await board.InnerTextAsync());
        await AssertAxeCleanWithScript(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();
        Assert.Equal("Sent", await page.Locator("tr:has(th:text('Board channel')) td").First.InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Send again" }).CountAsync());
        Assert.Equal(3, _hook.LogEntries.Count());

        var manager = await host.ManagerAsync();
        var snapshot = await manager.GetAsync("/api/reports/luton-2018-19/2018-19-Q4/report.html");
        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        Assert.Contains("Published", await snapshot.Content.ReadAsStringAsync());
        await context.DisposeAsync();
    }

    [BrowserFact]
    public async Task The_report_prints_to_a4_landscape_pages()
    {
        await using var host = await StartAsync();
        var page = await browser.NewPageAsync();
        await SignInAsManagerAsync(page, host, "api/plans/luton-2018-19/rounds/2018-19-Q4/report");
        await AssertAxeClean(page);
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        var text = Encoding.Latin1.GetString(pdf);
        var boxes = MediaBox().Matches(text).Select(m => (W: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(boxes.Count >= 3, $"expected several pages, found {boxes.Count}");
        Assert.All(boxes, b => Assert.True(Math.Abs(b.W - 841.89) < 1 && Math.Abs(b.H - 595.28) < 1, $"page is {b.W} x {b.H} points, not A4 landscape"));
    }

    [BrowserFact]
    public async Task Uploading_a_plan_previews_it_stores_nothing_until_confirmed_and_a_bad_file_lists_its_problems()
    {
        await using var host = await StartAsync();
        var plans = host.Services.GetRequiredService<IPlanStore>();
        var docx = WordReport.Render(ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Manager));
        var page = await browser.NewPageAsync();
        await SignInAsManagerAsync(page, host, "api/manage/upload");
        await AssertAxeClean(page);
        await page.GetByLabel("Plan file").SetInputFilesAsync(new FilePayload { Name = "plan.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = docx });
        await page.GetByLabel("Plan id").FillAsync("word-plan");
        await page.GetByLabel("Plan name").FillAsync("Word plan");
        await page.GetByLabel("First calendar year of the financial year").FillAsync("2019");
        await page.GetByLabel("CSP manager's email").FillAsync(TestHost.SampleManager);
        await page.GetByLabel("Round the file's progress is for").FillAsync("2019-20-Q1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        Assert.Equal("Check the plan before importing", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Nothing has been stored yet. Confirming creates plan word-plan.", await page.Locator(".govuk-warning-text").InnerTextAsync());
        var preview = await page.Locator("section[aria-labelledby=preview-title]").InnerTextAsync();
        Assert.Matches(@"Actions\s+28\b", preview);
        Assert.Matches(@"Progress updates\s+28 for 2019-20-Q1", preview);
        Assert.Contains(ReportData.Sample.Plan.Actions[0].Text.Split('\n')[0], preview);
        await AssertAxeClean(page);
        Assert.Null(await plans.GetAsync("word-plan"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm import" }).ClickAsync();
        Assert.Contains("Created plan word-plan: 28 actions", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var stored = await plans.GetAsync("word-plan");
        Assert.Equal(ReportData.Sample.Plan.Actions.Select(a => a.Text), stored!.Plan.Actions.Select(a => a.Text));
        Assert.Equal(28, (await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync("word-plan", "2019-20-Q1")).Count);

        // A council's own layout: the preview names each column's meaning and the ignored one, the references as written,
        // and progress with no status; the round defaults to the plan's most recent ended quarter.
        await page.GetByLabel("Plan file").SetInputFilesAsync(Path.Combine(CspFunctions.Tests.Plans.PlanCorpusTests.Folder, "word-own-columns.docx"));
        await page.GetByLabel("Plan id").FillAsync("own-columns");
        await page.GetByLabel("Plan name").FillAsync("Own columns plan");
        await page.GetByLabel("First calendar year of the financial year").FillAsync("2019");
        await page.GetByLabel("CSP manager's email").FillAsync(TestHost.SampleManager);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        var own = await page.Locator("section[aria-labelledby=preview-title]").InnerTextAsync();
        Assert.Contains("Objective\taction", own);
        Assert.Contains("Lead email\tlead email", own);
        Assert.Contains("Ignored columns: 8 \"Budget £\"", own);
        Assert.Contains("1.10", own);
        Assert.Contains("Status not given · Red", own);
        Assert.Matches(@"Progress updates\s+4 for 2019-20-Q4", own);
        await AssertAxeClean(page);
        Assert.Null(await plans.GetAsync("own-columns"));

        await page.GetByLabel("Plan file").SetInputFilesAsync(new FilePayload { Name = "plan.docx", MimeType = "application/octet-stream", Buffer = "not a document"u8.ToArray() });
        await page.GetByLabel("Plan id").FillAsync("other-plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        Assert.Contains("the file is not a Word document", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Null(await plans.GetAsync("other-plan"));
        await AssertAxeClean(page);
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
