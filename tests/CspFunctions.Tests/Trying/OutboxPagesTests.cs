using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CspFunctions.LocalHost;
using CspFunctions.LocalHost.Demo;
using CspFunctions.LocalHost.Outbox;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CspFunctions.Tests.Trying;

/// <summary>The local host's start page and outbox: everything listed (a simulation run's box too), filters, a mail's
/// parts and headers, cards drawn with the renderer, and "Reply as this lead" through the real inbound endpoint.</summary>
[Collection(StorageCollection.Name)]
public sealed class OutboxPagesTests(StorageFixture storage) : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "csp-outbox-pages-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _run = "sim" + Guid.NewGuid().ToString("N")[..8];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private string RunFolder => QuarterSimulation.OutboxFolder(storage.RepoRoot, _run);

    public void Dispose()
    {
        foreach (var dir in new[] { _outbox, RunFolder })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    private async Task<(TestHost Host, DemoRoundOutcome Demo, StoredPlan Plan)> StartAsync()
    {
        var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox }, s => s.AddSingleton<TimeProvider>(_clock));
        var demo = await ActivatorUtilities.CreateInstance<DemoRound>(host.Services).EnsureAsync(storage.LoadSample());
        return (host, demo, (await host.Services.GetRequiredService<IPlanStore>().GetAsync(demo.PlanId))!);
    }

    /// <summary>A simulation run's box as simulate-quarter leaves it: its description, one mail and one Teams notification.</summary>
    private async Task WriteRunAsync()
    {
        Directory.CreateDirectory(RunFolder);
        await File.WriteAllTextAsync(Path.Combine(RunFolder, QuarterSimulation.RunFile), "2026-27-Q2 simulated 2026-12-02 09:00 UTC\n");
        var outbox = new LocalOutbox(RunFolder, new FakeTimeProvider(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        await outbox.SendAsync(new OutgoingMail(new MailAddressee("Run Lead", "run.lead@example.org"), "Simulated reminder", "Text", "<p>Text</p>"));
        await outbox.NotifyAsync(new TeamsActivity(["board-1"], "reportPublished", "Plan: 2026-27-Q2 report published", "http://localhost:7071/api/reports/x", new Dictionary<string, string>()));
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_outbox_lists_every_box_newest_first_and_filters_by_recipient_and_kind()
    {
        var (host, _, plan) = await StartAsync();
        await using var _h = host;
        await WriteRunAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await host.Services.GetRequiredService<LocalOutbox>().SendAsync(new OutgoingMail(new MailAddressee("Late", "late.one@example.org"), "Sent last", "Text", "<p>Text</p>"));
        var mails = Directory.GetFiles(Path.Combine(_outbox, "mail"), "*.eml").Length;

        var page = await PageAsync(host.Client, "/outbox");

        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Equal("This machine's app", headings[0]);
        Assert.Contains(headings, h => h.StartsWith($"Simulation run {_run}: 2026-27-Q2 simulated", StringComparison.Ordinal));
        var appRows = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(mails, appRows.Count);
        Assert.Contains("Sent last", appRows[0].TextContent);
        Assert.All(appRows.Skip(1), r => Assert.Contains("opening", r.TextContent));
        Assert.Equal(mails - 1, page.QuerySelectorAll("table")[0].QuerySelectorAll("a").Count(a => a.TextContent.StartsWith("Reply as this lead", StringComparison.Ordinal)));

        var lead = plan.Plan.Leads.First(l => plan.Plan.ActionsLedBy(l.Id).Any()).Contacts[0].Email;
        var byRecipient = await PageAsync(host.Client, "/outbox?recipient=" + Uri.EscapeDataString(lead.ToUpperInvariant()));
        var rows = byRecipient.QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(lead, r.TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(lead.ToUpperInvariant(), ((IHtmlInputElement)byRecipient.QuerySelector("#recipient")!).Value);

        var teams = await PageAsync(host.Client, "/outbox?kind=" + Uri.EscapeDataString("teams: reportPublished"));
        var teamsRow = Assert.Single(teams.QuerySelectorAll("tbody tr"));
        Assert.Contains("Plan: 2026-27-Q2 report published", teamsRow.TextContent);
        Assert.StartsWith($"/outbox/{_run}/teams/", teamsRow.QuerySelector("a")!.GetAttribute("href"));

        var runOnly = await PageAsync(host.Client, "/outbox?box=" + _run);
        Assert.Equal(2, runOnly.QuerySelectorAll("tbody tr").Length);
        var none = await PageAsync(host.Client, "/outbox?recipient=nobody-at-all");
        Assert.Empty(none.QuerySelectorAll("tbody tr"));
        Assert.Contains("None of the", none.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_mail_shows_its_headers_and_both_parts_and_a_card_is_drawn_by_the_renderer_with_the_page_nonce()
    {
        var (host, _, _) = await StartAsync();
        await using var _h = host;
        await WriteRunAsync();
        var file = Path.GetFileName(Directory.GetFiles(Path.Combine(_outbox, "mail"), "*.eml")[0]);
        var mail = MimeMessage.Load(Path.Combine(_outbox, "mail", file));

        var page = await PageAsync(host.Client, $"/outbox/app/mail/{file}");
        Assert.Equal(mail.Subject, page.QuerySelector("h1")!.TextContent);
        var headers = page.QuerySelectorAll("details tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
        Assert.Equal("opening", headers["X-Csp-stage"]);
        Assert.Equal(mail.MessageId, headers["Message-Id"].Trim('<', '>'));
        Assert.Equal(mail.TextBody!.Replace("\r\n", "\n").Trim(), page.QuerySelector("pre")!.TextContent.Trim());
        var frame = page.QuerySelector("iframe")!.GetAttribute("src")!;
        Assert.Equal(mail.HtmlBody, await host.Client.GetStringAsync(frame));
        Assert.EndsWith("/reply", page.QuerySelector("a.govuk-button")!.GetAttribute("href"));

        var teamsFile = Path.GetFileName(Directory.GetFiles(Path.Combine(RunFolder, "teams"))[0]);
        using var response = await host.Client.GetAsync($"/outbox/{_run}/teams/{teamsFile}");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var card = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(card.QuerySelector("#card-json")!.TextContent);
        Assert.Equal("AdaptiveCard", json.RootElement.GetProperty("type").GetString());
        Assert.Contains("Plan: 2026-27-Q2 report published", json.RootElement.GetRawText());
        var scripts = card.QuerySelectorAll("script").ToList();
        Assert.Equal([OutboxAssets.RendererHref, OutboxAssets.ScriptHref], scripts.Select(s => s.GetAttribute("src")));
        Assert.All(scripts, s => Assert.Contains($"script-src 'nonce-{s.GetAttribute("nonce")}'", csp));
        foreach (var src in new[] { OutboxAssets.RendererHref, OutboxAssets.ScriptHref })
        {
            using var js = await host.Client.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);
            Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        }
        // Pages other than the card page run no script.
        using var outbox = await host.Client.GetAsync("/outbox");
        Assert.DoesNotContain("script-src", outbox.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Reply_as_this_lead_posts_through_the_inbound_endpoint_and_says_what_it_answered()
    {
        var (host, demo, plan) = await StartAsync();
        await using var _h = host;
        var lead = plan.Plan.Leads.First(l => plan.Plan.ActionsLedBy(l.Id).Count() == 1);
        var action = plan.Plan.ActionsLedBy(lead.Id).Single();
        var file = Path.GetFileName(Directory.GetFiles(Path.Combine(_outbox, "mail"), "*.eml")
            .First(f => MimeMessage.Load(f).To.Mailboxes.Any(m => m.Address == lead.Contacts[0].Email)));
        var path = $"/outbox/app/mail/{Uri.EscapeDataString(file)}/reply";
        var compose = await PageAsync(host.Client, path);
        Assert.Equal(path, compose.QuerySelector("form")!.GetAttribute("action"));

        using var empty = await host.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = " ", ["signature"] = "A. Lead" }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var refused = new HtmlParser().ParseDocument(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Write the reply's text", refused.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("A. Lead", refused.QuerySelector("#signature")!.TextContent);

        var crossSite = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = "Forged." }) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var forged = await host.Client.SendAsync(crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Empty(await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync(demo.PlanId, demo.RoundId));

        using var sent = await host.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = "The panel met twice this quarter.", ["signature"] = "Regards\nA. Lead" }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var answer = new HtmlParser().ParseDocument(await sent.Content.ReadAsStringAsync());
        Assert.Contains("Applied", answer.QuerySelector("#inbound-answer")!.TextContent);
        Assert.Equal($"/api/manage/plans/{demo.PlanId}/rounds/{demo.RoundId}", answer.QuerySelectorAll("a").First(a => a.TextContent.Contains("round page")).GetAttribute("href"));
        var updates = await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync(demo.PlanId, demo.RoundId);
        Assert.Equal("The panel met twice this quarter.", Assert.Single(updates, u => u.ActionNumber == action.Number).Text);
    }

    [Fact]
    public async Task Unknown_boxes_and_files_answer_404_and_a_digest_cannot_be_replied_to()
    {
        var (host, _, _) = await StartAsync();
        await using var _h = host;
        var file = Path.GetFileName(Directory.GetFiles(Path.Combine(_outbox, "mail"), "*.eml")[0]);
        foreach (var path in new[] { "/outbox/sim00000000/mail/" + file, "/outbox/app/mail/nope.eml", "/outbox/app/mail/..%2F..%2Fetc%2Fpasswd", "/outbox/app/teams/nope.json", "/outbox/app/board/x.json" })
            Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(path)).StatusCode);
        await host.Services.GetRequiredService<LocalOutbox>().SendAsync(new OutgoingMail(new MailAddressee("M", "m@example.org"), "Digest", "Text", "<p>Text</p>")
        {
            CustomArgs = new Dictionary<string, string> { ["stage"] = "digest" },
        });
        var digest = Path.GetFileName(Directory.GetFiles(Path.Combine(_outbox, "mail"), "*-m@example.org-*.eml").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/outbox/app/mail/{digest}/reply")).StatusCode);
    }

    [Fact]
    public async Task The_start_page_links_each_journey_and_the_function_list_needs_the_key()
    {
        var (host, demo, _) = await StartAsync();
        await using var _h = host;

        var start = await PageAsync(host.Client, "/");
        var links = start.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/outbox?kind=opening", links);
        Assert.Contains($"/api/manage/plans/{demo.PlanId}/rounds/{demo.RoundId}", links);
        Assert.Contains("/outbox?kind=board+card", links);
        Assert.Contains("/admin/functions", links);
        Assert.Equal(4, start.QuerySelectorAll("h2").Count(h => h.TextContent.Length > 2 && char.IsDigit(h.TextContent[0])));

        var html = new HttpRequestMessage(HttpMethod.Get, "/admin/functions");
        html.Headers.Accept.ParseAdd("text/html");
        using var anonymous = await host.Client.SendAsync(html);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("function key", await anonymous.Content.ReadAsStringAsync());
        var list = await PageAsync(host.Client, "/admin/functions?code=" + host.FunctionKey);
        Assert.Contains(list.QuerySelectorAll("th[scope=row]"), th => th.TextContent == "Health");
        using var json = await host.KeyClient.GetAsync("/admin/functions");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }
}
