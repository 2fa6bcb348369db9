using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CspFunctions.Messaging;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Chasing;

/// <summary>The SendGrid Event Webhook over HTTP through the local host, with a real ECDSA P-256 key pair.</summary>
[Collection(StorageCollection.Name)]
public sealed class SendGridEventsTests(StorageFixture storage) : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    private Task<TestHost> StartAsync() => TestHost.StartAsync(storage, new Dictionary<string, string?>
    {
        ["Csp:SendGrid:EventWebhookPublicKey"] = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo()),
    });

    private HttpRequestMessage Signed(string body, string? timestamp = "1562572800", Func<string, string>? tamper = null)
    {
        var signature = _key.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sendgrid/events") { Content = new StringContent(tamper?.Invoke(body) ?? body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SendGridEventWebhook.SignatureHeader, Convert.ToBase64String(signature));
        if (timestamp is not null) request.Headers.Add(SendGridEventWebhook.TimestampHeader, timestamp);
        return request;
    }

    private const string Events = """
        [
          {"email":"pat@example.org","timestamp":1562572800,"event":"bounce","type":"bounce","reason":"550 5.1.1 mailbox unavailable","sg_event_id":"e1","plan":"plan-x","lead":"police","stage":"opening"},
          {"email":"hal@example.org","timestamp":1562572801,"event":"delivered","sg_event_id":"e2","plan":"plan-x"},
          {"email":"cy@example.org","timestamp":1562572802,"event":"dropped","reason":"Bounced Address","sg_event_id":"e3","plan":"plan-x"}
        ]
        """;

    [Fact]
    public async Task Signed_bounces_mark_the_contact_and_the_manager_sees_it()
    {
        await using var host = await StartAsync();
        var plan = Chasing.ChasingTestBed.SmallPlan("plan-x");
        await host.Services.GetRequiredService<Import.PlanImporter>().ImportAsync(plan);
        await host.Services.GetRequiredService<CspFunctions.Plans.IPlanStore>().SaveRoundAsync(CspFunctions.Plans.ReportingRound.For("plan-x", new CspFunctions.Plans.FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 19)), null);
        using var response = await host.KeyClient.SendAsync(Signed(Events));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recorded").GetInt32());

        var recorded = await ((Storage.TableContactHealth)host.Services.GetService(typeof(Storage.TableContactHealth))!).GetAsync("plan-x");
        Assert.Equal(["cy@example.org", "pat@example.org"], recorded.Select(r => r.Email).Order());
        Assert.Equal("550 5.1.1 mailbox unavailable", recorded.Single(r => r.Email == "pat@example.org").Reason);

        // The manager's round page shows each bounce against the lead whose contact it is.
        var manager = await host.SignInAsync("manager@example.org", "Mo Manager");
        var page = await manager.GetAsync("/api/manage/plans/plan-x/rounds/2019-20-Q1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync())
            .QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.Trim() == "Partnership leads").QuerySelectorAll("tr");
        string Row(string lead) => System.Text.RegularExpressions.Regex.Replace(Assert.Single(rows, r => r.QuerySelector("th, td")?.TextContent.Trim() == lead).TextContent, @"\s+", " ");
        Assert.Contains("pat@example.org", Row("Bedfordshire Police"));
        Assert.Contains("bounce", Row("Bedfordshire Police"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cy@example.org", Row("Council"));
        Assert.DoesNotContain("@example.org", Row("Housing")); // hal's "delivered" event is not a problem
    }

    [Fact]
    public async Task Unsigned_tampered_or_re_timestamped_posts_are_refused_with_401_and_change_nothing()
    {
        await using var host = await StartAsync();
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/sendgrid/events") { Content = new StringContent(Events, Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.KeyClient.SendAsync(unsigned)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.KeyClient.SendAsync(Signed(Events, tamper: b => b.Replace("pat@", "eve@")))).StatusCode);
        var wrongTime = Signed(Events);
        wrongTime.Headers.Remove(SendGridEventWebhook.TimestampHeader);
        wrongTime.Headers.Add(SendGridEventWebhook.TimestampHeader, "1562572999");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.KeyClient.SendAsync(wrongTime)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.KeyClient.SendAsync(Signed(Events, timestamp: null))).StatusCode);
        var garbage = Signed(Events);
        garbage.Headers.Remove(SendGridEventWebhook.SignatureHeader);
        garbage.Headers.Add(SendGridEventWebhook.SignatureHeader, "not base64!");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.KeyClient.SendAsync(garbage)).StatusCode);
        Assert.Empty(await ((Storage.TableContactHealth)host.Services.GetService(typeof(Storage.TableContactHealth))!).GetAsync("plan-x"));
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_event_array_answers_400()
    {
        await using var host = await StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await host.KeyClient.SendAsync(Signed("{\"event\":\"bounce\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.KeyClient.SendAsync(Signed("[{\"email\":"))).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_public_key_every_post_is_refused()
    {
        await using var host = await TestHost.StartAsync(storage);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.KeyClient.SendAsync(Signed(Events))).StatusCode);
    }
}
