using System.Net;
using CspFunctions.Messaging;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CspFunctions.Tests.Chasing;

/// <summary>The real SendGrid and Graph SDK clients against WireMock stubs that check what arrives.</summary>
public sealed class MessagingProviderTests : IDisposable
{
    private readonly ProviderStubs _stubs = new();

    public void Dispose() => _stubs.Dispose();

    private SendGridMailSender SendGrid(bool sandbox = false)
    {
        var settings = new SendGridSettings("SG.test-key", "csp@example.org", "Test CSP", sandbox, _stubs.Url);
        var client = settings.CreateClient(new HttpClient(new ProviderRetryHandler(TimeProvider.System) { BaseDelay = TimeSpan.FromMilliseconds(20), InnerHandler = new HttpClientHandler() }));
        return new SendGridMailSender(client, settings, NullLogger<SendGridMailSender>.Instance);
    }

    private static OutgoingMail Mail() => new(new MailAddressee("Pat Lead", "pat@example.org"), "Subject £ “quoted”", "Text body", "<p>Html body</p>")
    {
        Cc = [new MailAddressee("Manager", "manager@example.org")],
        ReplyTo = new MailAddressee("Updates", "reply+abc@reply.example.org"),
        Headers = OutgoingMail.AutomaticHeaders,
        CustomArgs = new Dictionary<string, string> { ["plan"] = "p1", ["round"] = "2019-20-Q1", ["lead"] = "police", ["stage"] = "opening" },
        MessageId = "csp.abc.opening.1@reply.example.org",
    };

    [Fact]
    public async Task SendGrid_receives_the_message_with_reply_to_headers_and_custom_args()
    {
        await SendGrid().SendAsync(Mail());

        var entry = Assert.Single(_stubs.Server.LogEntries);
        Assert.Equal("Bearer SG.test-key", entry.RequestMessage.Headers!["Authorization"].Single());
        var body = Assert.Single(_stubs.AcceptedMail);
        var personalization = body.GetProperty("personalizations")[0];
        Assert.Equal("pat@example.org", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("manager@example.org", personalization.GetProperty("cc")[0].GetProperty("email").GetString());
        Assert.Equal("reply+abc@reply.example.org", body.GetProperty("reply_to").GetProperty("email").GetString());
        Assert.Equal("Subject £ “quoted”", body.GetProperty("subject").GetString());
        var headers = personalization.GetProperty("headers"); // the C# helper puts headers on the personalization
        Assert.Equal("auto-generated", headers.GetProperty("Auto-Submitted").GetString());
        Assert.Equal("All", headers.GetProperty("X-Auto-Response-Suppress").GetString());
        Assert.Equal("<csp.abc.opening.1@reply.example.org>", headers.GetProperty("Message-ID").GetString());
        Assert.Equal("opening", personalization.GetProperty("custom_args").GetProperty("stage").GetString());
        Assert.Equal(["text/plain", "text/html"], body.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        Assert.False(body.TryGetProperty("mail_settings", out _));
    }

    [Fact]
    public async Task Sandbox_mode_is_passed_to_SendGrid()
    {
        await SendGrid(sandbox: true).SendAsync(Mail());
        Assert.True(Assert.Single(_stubs.AcceptedMail).GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task SendGrid_429_waits_until_X_RateLimit_Reset_then_succeeds()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds();
        _stubs.SendGridFault = n => n == 1 ? (429, new Dictionary<string, string> { ["X-RateLimit-Reset"] = reset.ToString() }) : null;
        await SendGrid().SendAsync(Mail());
        Assert.Equal(2, _stubs.Requests("/v3/mail/send"));
        var calls = _stubs.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.True(calls[1].RequestMessage.DateTime >= DateTimeOffset.FromUnixTimeSeconds(reset).UtcDateTime.AddMilliseconds(-50), "the retry came before X-RateLimit-Reset");
        Assert.Single(_stubs.AcceptedMail);
    }

    [Fact]
    public async Task SendGrid_5xx_is_retried_with_backoff()
    {
        _stubs.SendGridFault = n => n <= 2 ? (500, null) : null;
        await SendGrid().SendAsync(Mail());
        Assert.Equal(3, _stubs.Requests("/v3/mail/send"));
        Assert.Single(_stubs.AcceptedMail);
    }

    [Fact]
    public async Task SendGrid_that_keeps_failing_surfaces_a_transient_error_for_the_queue_to_retry()
    {
        _stubs.SendGridFault = _ => (503, null);
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => SendGrid().SendAsync(Mail()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(4, _stubs.Requests("/v3/mail/send"));
    }

    [Fact]
    public async Task SendGrid_400_is_a_permanent_refusal_and_is_not_retried()
    {
        _stubs.SendGridFault = _ => (400, null);
        var ex = await Assert.ThrowsAsync<MessagingException>(() => SendGrid().SendAsync(Mail()));
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(1, _stubs.Requests("/v3/mail/send"));
    }

    private GraphTeamsNotifier Graph() => new(new GraphServiceClient(GraphTeamsNotifier.CreateHttpClient(), new AnonymousAuthenticationProvider(), _stubs.GraphBaseUrl));

    private static TeamsActivity Activity(int recipients) => new(
        Enumerable.Range(1, recipients).Select(i => $"00000000-0000-0000-0000-{i:D12}").ToList(), "reminderDue", "Your update is due", "https://example.org/form",
        new Dictionary<string, string> { ["planName"] = "Plan", ["dueDate"] = "Friday 19 July 2019" });

    [Fact]
    public async Task Graph_gets_batches_of_at_most_100_recipients()
    {
        await Graph().NotifyAsync(Activity(250));
        var calls = _stubs.AcceptedTeams;
        Assert.Equal(3, calls.Count); // ceil(250 / 100)
        Assert.Equal([100, 100, 50], calls.Select(c => c.GetProperty("recipients").GetArrayLength()));
        var first = calls[0];
        Assert.Equal("reminderDue", first.GetProperty("activityType").GetString());
        Assert.Equal("#microsoft.graph.aadUserNotificationRecipient", first.GetProperty("recipients")[0].GetProperty("@odata.type").GetString());
        Assert.Equal("planName", first.GetProperty("templateParameters")[0].GetProperty("name").GetString());
        Assert.Equal(250, calls.SelectMany(c => c.GetProperty("recipients").EnumerateArray()).Select(r => r.GetProperty("userId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Graph_429_with_Retry_After_is_retried_by_the_SDK()
    {
        _stubs.GraphFault = n => n == 1 ? (429, new Dictionary<string, string> { ["Retry-After"] = "1" }) : null;
        await Graph().NotifyAsync(Activity(3));
        Assert.Equal(2, _stubs.Requests("/v1.0/teamwork/sendActivityNotificationToRecipients"));
        Assert.Single(_stubs.AcceptedTeams);
    }

    [Fact]
    public async Task Graph_403_is_a_permanent_refusal_naming_the_likely_cause()
    {
        _stubs.GraphFault = _ => (403, null);
        var ex = await Assert.ThrowsAsync<MessagingException>(() => Graph().NotifyAsync(Activity(1)));
        Assert.Contains("Teams app installed", ex.Message);
    }
}
