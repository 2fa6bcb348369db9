using CspFunctions.Chasing;
using CspFunctions.LocalHost;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CspFunctions.Tests.Chasing;

[Collection(BrowserCollection.Name)]
public sealed class LocalOutboxTests(BrowserFixture browser, StorageFixture storage) : IDisposable
{
    private readonly string _outbox = Directory.CreateTempSubdirectory("csp-outbox-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    [Fact]
    public async Task Without_provider_credentials_reminders_are_written_as_eml_files()
    {
        await using var services = storage.Services(overrides: new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox });
        Assert.IsType<LocalOutbox>(services.GetRequiredService<IMailSender>());
        Assert.IsType<LocalOutbox>(services.GetRequiredService<ITeamsNotifier>());
        var document = ChasingTestBed.SmallPlan("outbox-" + StorageFixture.NewPrefix());
        await services.GetRequiredService<Import.PlanImporter>().ImportAsync(document);
        await services.GetRequiredService<IPlanStore>().SaveRoundAsync(ReportingRound.For(document.Id!, new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 19)), null);

        var outcome = await services.GetRequiredService<ReminderSender>().HandleAsync(new ReminderRequest(document.Id!, "2019-20-Q1", "housing", "opening", "email", "c"), "m1");

        Assert.Equal(ReminderOutcome.Sent, outcome);
        var files = Directory.GetFiles(Path.Combine(_outbox, "mail"), "*.eml");
        Assert.Equal(2, files.Length); // one per Housing contact
        var message = MimeMessage.Load(files.Order().First());
        Assert.StartsWith("reply+", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Contains("/api/respond/", message.TextBody);
        Assert.Contains("Review tenancies.", message.HtmlBody);
    }

    [BrowserFact]
    public async Task The_local_host_lists_the_outbox_with_working_links()
    {
        await using var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox });
        var outbox = host.Services.GetRequiredService<LocalOutbox>();
        await outbox.SendAsync(new OutgoingMail(new MailAddressee("Pat", "pat@example.org"), "Your update <please>", "Text", "<p>Html <a href=\"https://example.org/form\">form</a></p>")
        {
            ReplyTo = new MailAddressee("Updates", "reply+abc@reply.example.org"),
        });

        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.BaseAddress + "outbox");
        Assert.Equal("Local outbox - CSP business plan", await page.TitleAsync());
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        await page.Locator("table a").First.ClickAsync();
        Assert.Equal("Your update <please>", await page.Locator("h1").TextContentAsync());
        Assert.Contains("reply+abc@reply.example.org", await page.Locator("dl").TextContentAsync());
        var raw = await host.Client.GetAsync(new Uri(page.Url).AbsolutePath + "/raw");
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Client.GetAsync("/outbox/mail/..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }
}
