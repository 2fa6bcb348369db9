using System.Diagnostics;
using System.Text.Json;
using Azure.Identity;
using CspFunctions.Observability;
using CspFunctions.Setup;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CspFunctions.Tests.Observability;

public sealed class CspTelemetryTests
{
    private static ServiceProvider Services(Dictionary<string, string?>? extra = null, CapturingLoggerProvider? logs = null)
    {
        var settings = StorageFixture.Settings();
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b => { if (logs is not null) b.AddProvider(logs); }).AddCspFunctions(config);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    // What each counter counts, with the tag values the functions really send, is in CounterEmissionTests.

    [Fact]
    public void Each_container_has_its_own_meter()
    {
        using var a = Services();
        using var b = Services();
        using var recorder = new MeterRecorder(a.GetRequiredService<CspTelemetry>().Meter);
        b.GetRequiredService<CspTelemetry>().ParseFailed();
        a.GetRequiredService<CspTelemetry>().ParseFailed();
        Assert.Equal(1, recorder.Sum("parse_failures"));
    }

    [Fact]
    public void A_scope_puts_the_ids_on_every_line_as_structured_properties()
    {
        var logs = new CapturingLoggerProvider();
        using var provider = Services(logs: logs);
        var logger = provider.GetRequiredService<ILogger<CspTelemetryTests>>();
        var correlation = CorrelationId.New();

        using (logger.BeginCspScope(new LogIds { PlanId = "luton-2018-19", RoundId = "2018-19-Q4", LeadId = "bedfordshire-police", MessageId = "m-1", Correlation = correlation }))
        {
            logger.LogInformation("Reminder sent");
            using (logger.BeginCspScope(new LogIds { MessageId = "m-2" }))
                logger.LogInformation("Second reminder sent");
        }
        logger.LogInformation("Outside");

        var first = logs.Entries.Single(e => e.Message == "Reminder sent");
        Assert.Equal("luton-2018-19", first.Property(LogIds.PlanIdKey));
        Assert.Equal("2018-19-Q4", first.Property(LogIds.RoundIdKey));
        Assert.Equal("bedfordshire-police", first.Property(LogIds.LeadIdKey));
        Assert.Equal("m-1", first.Property(LogIds.MessageIdKey));
        Assert.Equal(correlation.Value, first.Property(LogIds.CorrelationIdKey));
        Assert.Contains($"PlanId:luton-2018-19 RoundId:2018-19-Q4 LeadId:bedfordshire-police MessageId:m-1 CorrelationId:{correlation}", first.ScopeText);

        var nested = logs.Entries.Single(e => e.Message == "Second reminder sent");
        Assert.Equal("m-2", nested.Property(LogIds.MessageIdKey));
        Assert.Equal("luton-2018-19", nested.Property(LogIds.PlanIdKey));
        Assert.Null(logs.Entries.Single(e => e.Message == "Outside").Property(LogIds.PlanIdKey));

        // Ids that are not set are left out rather than written as empty.
        Assert.Equal([LogIds.MessageIdKey], new LogIds { MessageId = "x" }.Properties.Select(p => p.Key));
    }

    [Fact]
    public void Spans_carry_the_ids_as_tags()
    {
        var started = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == CspTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a => { lock (started) started.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        var correlation = CorrelationId.Parse("run-42");

        using (var activity = CspTelemetry.StartActivity("SendReminder", new LogIds { PlanId = "p1", Correlation = correlation }))
        {
            Assert.NotNull(activity);
            Assert.Equal("p1", activity.GetTagItem("csp.plan_id"));
            Assert.Equal("run-42", activity.GetTagItem("csp.correlation_id"));
            Assert.Null(activity.GetTagItem("csp.lead_id"));
        }
        lock (started) Assert.Contains(started, a => a.OperationName == "SendReminder");

        // One call for both: the span and the log scope share the ids, and the log line carries the span's trace id.
        var logs = new CapturingLoggerProvider();
        using var provider = Services(logs: logs);
        var logger = provider.GetRequiredService<ILogger<CspTelemetryTests>>();
        string? traceId;
        using (logger.BeginCspOperation("ChaseSweep", new LogIds { RoundId = "2018-19-Q4", Correlation = correlation }))
        {
            traceId = Activity.Current?.TraceId.ToHexString();
            Assert.Equal("ChaseSweep", Activity.Current?.OperationName);
            logger.LogInformation("Sweep queued {Count} reminders", 3);
        }
        Assert.NotNull(traceId);
        Assert.NotEqual("ChaseSweep", Activity.Current?.OperationName);
        var line = logs.Entries.Single(e => e.Message == "Sweep queued 3 reminders");
        Assert.Equal(("2018-19-Q4", "run-42"), (line.Property(LogIds.RoundIdKey), line.Property(LogIds.CorrelationIdKey)));
    }

    [Fact]
    public void An_empty_correlation_id_is_replaced_and_a_set_one_kept()
    {
        var id = CorrelationId.Parse("abc");
        Assert.Equal(id, id.OrNew());
        Assert.False(default(CorrelationId).OrNew().IsEmpty);
        Assert.Throws<InvalidOperationException>(() => default(CorrelationId).Value);
    }

    [Fact]
    public void A_correlation_id_travels_in_a_queue_message_as_a_plain_string()
    {
        var id = CorrelationId.New();
        Assert.Matches("^[0-9a-f]{32}$", id.Value);
        Assert.NotEqual(id, CorrelationId.New());

        var json = JsonSerializer.Serialize(new { planId = "p1", correlationId = id });
        Assert.Contains($"\"correlationId\":\"{id.Value}\"", json);
        var back = JsonSerializer.Deserialize<MessageWithId>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(id, back.CorrelationId);

        // An older message without one reads as empty; the receiver then starts a new one.
        var old = JsonSerializer.Deserialize<MessageWithId>("{\"planId\":\"p1\"}", JsonSerializerOptions.Web)!;
        Assert.True(old.CorrelationId.IsEmpty);
        Assert.False(CorrelationId.FromMessage(null).IsEmpty);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MessageWithId>("{\"correlationId\":\"a\\nForged: log line\"}", JsonSerializerOptions.Web));
    }

    private sealed record MessageWithId(string? PlanId, CorrelationId CorrelationId);

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\nbreak")]
    [InlineData("<script>")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void Malformed_correlation_ids_are_refused(string text)
    {
        Assert.False(CorrelationId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => CorrelationId.Parse(text));
        var replaced = CorrelationId.FromMessage(text);
        Assert.NotEqual(text, replaced.Value);
        Assert.Matches("^[0-9a-f]{32}$", replaced.Value);
    }

    [Fact]
    public void Inside_a_trace_a_new_correlation_id_is_the_trace_id()
    {
        using var activity = new Activity("timer").SetIdFormat(ActivityIdFormat.W3C).Start();
        Assert.Equal(activity.TraceId.ToHexString(), CorrelationId.New().Value);
    }

    [Fact]
    public void Nothing_is_exported_without_an_Application_Insights_connection_string()
    {
        using var provider = Services();
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
        Assert.NotNull(provider.GetService<CspTelemetry>());
    }

    [Fact]
    public void With_a_connection_string_traces_and_metrics_are_exported_with_the_managed_identity()
    {
        const string connection = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
        using var provider = Services(new()
        {
            [Settings.ApplicationInsightsConnectionString] = connection,
            [Settings.ApplicationInsightsAuthentication] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        });
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());

        var export = TelemetryExport.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Settings.ApplicationInsightsConnectionString] = connection,
            [Settings.ApplicationInsightsAuthentication] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        }).Build())!;
        Assert.Equal(("11111111-2222-3333-4444-555555555555", true), (export.ManagedIdentityClientId, export.UseManagedIdentity));
        Assert.IsType<ManagedIdentityCredential>(export.Credential());
    }

    [Theory]
    [InlineData("Authorization=AAD", true, null)]
    [InlineData("authorization=aad; clientid=abc", true, "abc")]
    [InlineData("", false, null)]
    [InlineData("ClientId=abc", false, null)]
    public void The_platform_authentication_string_decides_the_credential(string auth, bool managedIdentity, string? clientId)
    {
        var export = TelemetryExport.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Settings.ApplicationInsightsConnectionString] = "InstrumentationKey=x",
            [Settings.ApplicationInsightsAuthentication] = auth,
        }).Build())!;
        Assert.Equal((managedIdentity, clientId), (export.UseManagedIdentity, export.ManagedIdentityClientId));
        Assert.Equal(managedIdentity, export.Credential() is ManagedIdentityCredential);
    }
}
