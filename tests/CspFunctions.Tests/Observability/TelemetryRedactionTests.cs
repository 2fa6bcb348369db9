using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CspFunctions.Observability;
using CspFunctions.Plans;
using CspFunctions.Responses;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CspFunctions.Tests.Observability;

/// <summary>A lead's link token is their credential and a function key is a caller's: neither may reach request telemetry or
/// logs. Checked on what an exporter receives from the local host's real request spans.</summary>
[Collection(StorageCollection.Name)]
public sealed class TelemetryRedactionTests(StorageFixture storage)
{
    /// <summary>Copies each span as the exporter sees it, at export time (a later change to the span cannot hide a leak).</summary>
    private sealed class SnapshotExporter : BaseExporter<Activity>
    {
        public ConcurrentQueue<(string Name, ActivityKind Kind, Dictionary<string, string?> Tags)> Spans { get; } = new();

        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
                Spans.Enqueue((activity.DisplayName, activity.Kind, activity.TagObjects.ToDictionary(t => t.Key, t => t.Value?.ToString())));
            return ExportResult.Success;
        }
    }

    [Fact]
    public async Task The_link_token_and_any_code_are_redacted_from_the_exported_request_and_the_logs()
    {
        var exporter = new SnapshotExporter();
        var logs = new CapturingLoggerProvider();
        await using var host = await TestHost.StartAsync(storage, configure: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(exporter)));
        });
        await host.Services.GetRequiredService<Import.PlanImporter>().ImportAsync(storage.LoadSample());
        var round = ReportingRound.For("luton-2018-19", new FinancialYear(2018).Quarter(3), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        await host.Services.GetRequiredService<IPlanStore>().SaveRoundAsync(round, null);
        var lead = storage.LoadSample().Leads![0];
        var token = host.Services.GetRequiredService<LinkSigner>().Create(new LinkClaims(LinkClaims.RespondPurpose, "luton-2018-19", round.Id, lead.Id!, lead.Contacts![0].Email!, DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds()));

        using var form = await host.Client.GetAsync($"/api/respond/{token}?code=not-a-key-but-never-logged");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        using var inbound = await host.Client.PostAsync($"/api/inbound/sendgrid?code={Uri.EscapeDataString(host.FunctionKey)}", new MultipartFormDataContent { { new StringContent("not mail"), "email" } });
        Assert.Equal(HttpStatusCode.OK, inbound.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (exporter.Spans.Count(s => s.Kind == ActivityKind.Server) < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
        var requests = exporter.Spans.Where(s => s.Kind == ActivityKind.Server).ToList();
        Assert.True(requests.Count >= 2, $"expected the two request spans, got {requests.Count}");
        var respond = requests.Single(r => r.Tags.GetValueOrDefault("url.path")?.StartsWith("/api/respond/") == true);
        Assert.Equal("/api/respond/" + TelemetryRedaction.TokenPlaceholder, respond.Tags["url.path"]);
        Assert.Contains(requests, r => r.Tags.GetValueOrDefault("url.path") == "/api/inbound/sendgrid");

        var everything = string.Join("\n", requests.Select(r => r.Name + " " + string.Join(" ", r.Tags.Select(t => $"{t.Key}={t.Value}")))) + "\n" + logs.AllText;
        Assert.DoesNotContain(token, everything);
        Assert.DoesNotContain(token.Split('.')[2], everything);
        Assert.DoesNotContain(host.FunctionKey, everything);
        Assert.DoesNotContain("not-a-key-but-never-logged", everything);
    }

    [Theory]
    [InlineData("/api/respond/k1.eyJwIjoi.c2ln?x=1", "/api/respond/{token}?x=1")]
    [InlineData("https://h/api/respond/k1.a.b/renew", "https://h/api/respond/{token}/renew")]
    [InlineData("/api/inbound/sendgrid?code=abc&x=1", "/api/inbound/sendgrid?code=REDACTED&x=1")]
    [InlineData("?a=1&CODE=abc", "?a=1&CODE=REDACTED")]
    [InlineData("/api/health", "/api/health")]
    [InlineData("GET /api/respond/{token}", "GET /api/respond/{token}")]
    public void Redaction_takes_out_tokens_and_keys_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, TelemetryRedaction.Redact(text));
}
