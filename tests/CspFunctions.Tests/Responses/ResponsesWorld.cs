using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using CspFunctions.Import;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Responses;

/// <summary>Records what would have been emailed; can be told to fail like a provider answering 429/500 after retries.</summary>
public sealed class RecordingMailSender : IMailSender
{
    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();
    public Exception? FailWith { get; set; }

    public Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        if (FailWith is not null) throw FailWith;
        Sent.Enqueue(mail);
        return Task.CompletedTask;
    }

    public IReadOnlyList<OutgoingMail> To(string email) => Sent.Where(m => m.To.Email.Equals(email, StringComparison.OrdinalIgnoreCase)).ToList();
}

/// <summary>The local host on Azurite with the Luton sample plan, an open 2019-20 Q1 round (due in ten days) and a recording mail sender.
/// Bedfordshire Police (actions 9, 19, 24) has a second contact; Housing's deputy is Community Safety Operations.</summary>
public sealed class ResponsesWorld : IAsyncDisposable
{
    public const string PlanId = "luton-2018-19";
    public const string RoundId = "2019-20-Q1";
    public const string LastRoundId = "2018-19-Q4";
    public const string Police = "bedfordshire-police";
    public const string PoliceEmail = "bedfordshire-police@example.org";
    public const string SecondPoliceEmail = "sam.officer@example.org";
    public const string Housing = "housing";
    public const string HousingEmail = "housing@example.org";
    public const string ManagerEmail = "csp.manager@example.org";
    public const string InboundDomain = "reply.example.org";
    public static readonly byte[] ReplyKeySecret = Encoding.UTF8.GetBytes("reply-key-secret-for-tests-0123456789");

    private ResponsesWorld(TestHost host, RecordingMailSender mail, StorageFixture storage)
    {
        Host = host;
        Mail = mail;
        Storage = storage;
    }

    public TestHost Host { get; }
    public RecordingMailSender Mail { get; }
    public StorageFixture Storage { get; }
    public IServiceProvider Services => Host.Services;
    public HttpClient Client => Host.Client;
    /// <summary>SendGrid Inbound Parse's caller: the function key.</summary>
    public HttpClient KeyClient => Host.KeyClient;
    public DateOnly DueDate { get; private set; }

    /// <param name="clock">The app's clock (a FakeTimeProvider to walk the cadence); the round is due ten days after its today.</param>
    /// <param name="overrides">Settings, e.g. SendGrid pointed at a WireMock stub or the local outbox's folder.</param>
    public static async Task<ResponsesWorld> StartAsync(StorageFixture storage, Action<IServiceCollection>? configure = null, TimeProvider? clock = null,
        IDictionary<string, string?>? overrides = null)
    {
        var mail = new RecordingMailSender();
        var host = await TestHost.StartAsync(storage, overrides, services =>
        {
            services.AddSingleton<IMailSender>(mail);
            if (clock is not null) services.AddSingleton(clock);
            configure?.Invoke(services);
        });
        var world = new ResponsesWorld(host, mail, storage);
        await world.SeedAsync(clock ?? TimeProvider.System);
        return world;
    }

    private async Task SeedAsync(TimeProvider clock)
    {
        var document = Storage.LoadSample();
        document.Leads!.Single(l => l.Id == Police).Contacts!.Add(new ContactDocument { Name = "Sam Officer", Email = SecondPoliceEmail });
        document.Leads!.Single(l => l.Id == Housing).DeputyLeadId = "community-safety-operations";
        await Services.GetRequiredService<PlanImporter>().ImportAsync(document);
        DueDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(10);
        FinancialQuarter.TryParseRoundId(RoundId, out var quarter);
        await Services.GetRequiredService<IPlanStore>().SaveRoundAsync(ReportingRound.For(PlanId, quarter, DueDate), null);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public string Token(string leadId, string email, DateTimeOffset? expires = null, string roundId = RoundId) =>
        Get<LinkSigner>().Create(new LinkClaims(LinkClaims.RespondPurpose, PlanId, roundId, leadId, email,
            (expires ?? DateTimeOffset.UtcNow.AddDays(20)).ToUnixTimeSeconds()));

    public static string FormPath(string token) => "/api/respond/" + token;

    public async Task<string> ReplyAddressForAsync(string leadId)
    {
        var key = ReplyAddress.KeyFor(ReplyKeySecret, PlanId, RoundId, leadId);
        await Get<IReplyAddressBook>().RegisterAsync(key, PlanId, RoundId, leadId);
        return ReplyAddress.For(key, InboundDomain);
    }

    public async Task<IReadOnlyDictionary<int, ProgressUpdate>> LatestAsync(string roundId = RoundId) =>
        (await Get<IProgressStore>().GetRoundAsync(PlanId, roundId)).Latest();

    /// <summary>A fixture from Responses/Fixtures with its placeholders filled in, byte for byte otherwise (Latin-1 keeps every byte).</summary>
    public static byte[] Fixture(string name, IReadOnlyDictionary<string, string> values)
    {
        var path = Path.Combine(StorageFixtureRoot.Path, "tests", "CspFunctions.Tests", "Responses", "Fixtures", name);
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        foreach (var (k, v) in values) text = text.Replace("{{" + k + "}}", v);
        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>SendGrid's verdicts for mail really sent from example.org (where the fixtures' contacts are).</summary>
    public static readonly SenderAuthentication Verified = new("pass", "{@example.org : pass}", "bounces@example.org");

    /// <summary>Posts as SendGrid Inbound Parse does in raw mode: multipart/form-data with the whole message in "email",
    /// with SendGrid's SPF and dkim results (by default, passing for example.org; <see cref="SenderAuthentication.None"/>: no such fields).</summary>
    public Task<HttpResponseMessage> PostRawAsync(byte[] message, string? envelopeTo = null, SenderAuthentication? authentication = null) =>
        PostRawAsync(new ByteArrayContent(message), envelopeTo, authentication);

    public async Task<HttpResponseMessage> PostRawAsync(HttpContent email, string? envelopeTo = null, SenderAuthentication? authentication = null)
    {
        var auth = authentication ?? Verified;
        using var form = new MultipartFormDataContent();
        if (auth.Dkim is not null) form.Add(new StringContent(auth.Dkim), "dkim");
        if (auth.Spf is not null) form.Add(new StringContent(auth.Spf), "SPF");
        form.Add(email, "email");
        form.Add(new StringContent($"{{\"to\":[\"{envelopeTo ?? "nobody@" + InboundDomain}\"],\"from\":\"{auth.EnvelopeFrom ?? "sender@example.org"}\"}}"), "envelope");
        form.Add(new StringContent("{\"to\":\"UTF-8\",\"from\":\"UTF-8\",\"subject\":\"UTF-8\"}"), "charsets");
        form.Add(new StringContent("0.0.0.0"), "sender_ip");
        return await KeyClient.PostAsync("/api/inbound/sendgrid", form);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

public static class StorageFixtureRoot
{
    public static string Path { get; } = CspFunctions.LocalHost.RepoPaths.FindRoot();
}
