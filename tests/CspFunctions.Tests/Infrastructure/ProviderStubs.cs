using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>WireMock stubs for SendGrid's mail send and Graph's activity-feed endpoint. <see cref="SendGridFault"/> and
/// <see cref="GraphFault"/> choose the status for the Nth call (1-based); null means success.</summary>
public sealed class ProviderStubs : IDisposable
{
    private int _sendGridCalls;
    private int _graphCalls;

    public WireMockServer Server { get; } = WireMockServer.Start();
    public string Url => Server.Url!;
    public string GraphBaseUrl => Url + "/v1.0";
    public Func<int, (int Status, IDictionary<string, string>? Headers)?> SendGridFault { get; set; } = _ => null;
    public Func<int, (int Status, IDictionary<string, string>? Headers)?> GraphFault { get; set; } = _ => null;
    /// <summary>Chooses the status by the mail's first To address and how many mails to it came before (1-based); null means success.</summary>
    public Func<string, int, (int Status, IDictionary<string, string>? Headers)?> SendGridFaultFor { get; set; } = (_, _) => null;
    private readonly Dictionary<string, int> _callsTo = new(StringComparer.OrdinalIgnoreCase);

    public ProviderStubs()
    {
        Server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithCallback(request => Answer(SendGridFault(Interlocked.Increment(ref _sendGridCalls)) ?? FaultForRecipient(request.Body), 202)));
        Server.Given(Request.Create().WithPath("/v1.0/teamwork/sendActivityNotificationToRecipients").UsingPost())
            .RespondWith(Response.Create().WithCallback(_ => Answer(GraphFault(Interlocked.Increment(ref _graphCalls)), 204)));
    }

    private (int Status, IDictionary<string, string>? Headers)? FaultForRecipient(string? body)
    {
        if (body is null) return null;
        using var doc = JsonDocument.Parse(body);
        var to = doc.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;
        int n;
        lock (_callsTo) _callsTo[to] = n = _callsTo.GetValueOrDefault(to) + 1;
        return SendGridFaultFor(to, n);
    }

    private static WireMock.ResponseMessage Answer((int Status, IDictionary<string, string>? Headers)? fault, int success)
    {
        var status = fault?.Status ?? success;
        var message = new WireMock.ResponseMessage { StatusCode = status };
        foreach (var (name, value) in fault?.Headers ?? new Dictionary<string, string>()) message.AddHeader(name, value);
        if (status >= 400)
        {
            message.BodyData = new BodyData { BodyAsString = "{\"errors\":[{\"message\":\"stubbed failure\"}]}", DetectedBodyType = BodyType.String };
            message.AddHeader("Content-Type", "application/json");
        }
        return message;
    }

    /// <summary>Every mail-send request body that SendGrid accepted (2xx), parsed.</summary>
    public IReadOnlyList<JsonElement> AcceptedMail => Accepted("/v3/mail/send");
    public IReadOnlyList<JsonElement> AcceptedTeams => Accepted("/v1.0/teamwork/sendActivityNotificationToRecipients");
    public int Requests(string path) => Server.LogEntries.Count(e => e.RequestMessage.Path == path);

    private IReadOnlyList<JsonElement> Accepted(string path) => Server.LogEntries
        .Where(e => e.RequestMessage.Path == path && e.ResponseMessage.StatusCode is int code && code < 300)
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.Clone())
        .ToList();

    public void Dispose() => Server.Stop();
}
