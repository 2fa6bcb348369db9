using System.Net;
using System.Text;
using CspFunctions.Setup;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Tests.Observability;

/// <summary>Logs carry ids, never what people wrote (action text, progress text) and never secrets.</summary>
[Collection(StorageCollection.Name)]
public sealed class LogRedactionTests(StorageFixture storage)
{
    /// <summary>Distinctive pieces of a text: its first 40 characters and every 40-character run starting at a sentence,
    /// so a log that quotes any part of it is caught, not only one that quotes all of it.</summary>
    private static IEnumerable<string> Fragments(string text)
    {
        var clean = text.Trim();
        if (clean.Length < 24) yield break;   // short status words ("Complete") are not the user's prose
        yield return clean[..Math.Min(40, clean.Length)];
        foreach (var sentence in clean.Split(". ", StringSplitOptions.RemoveEmptyEntries).Skip(1))
            if (sentence.Length >= 24) yield return sentence[..Math.Min(40, sentence.Length)];
    }

    [Fact]
    public async Task Importing_the_sample_plan_and_checking_health_logs_ids_but_no_action_or_progress_text()
    {
        var logs = new CapturingLoggerProvider();
        var sample = storage.LoadSample();
        var prose = sample.Actions!.Select(a => a.Text ?? "").Concat(sample.Updates!.Select(u => u.Text ?? ""))
            .SelectMany(Fragments).Distinct().ToList();
        Assert.True(prose.Count > 50, $"the sample should give plenty of text to look for (got {prose.Count} fragments)");

        await using (var host = await TestHost.StartAsync(storage, configure: s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            var json = await File.ReadAllTextAsync(Path.Combine(storage.RepoRoot, "samples", "luton-2018-19.plan.json"));
            using var imported = await host.KeyClient.PostAsync("/api/plans/import", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
            // A broken plan too: validation problems must name rows and fields, not echo the text into logs.
            using var broken = await host.KeyClient.PostAsync("/api/plans/import", new StringContent(json.Replace("\"number\": 2,", "\"number\": 1,"), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
            using var health = await host.Client.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        // The capture works and the import is logged with its id as a structured property...
        Assert.Contains(logs.Entries, e => Equals(e.Property("PlanId"), "luton-2018-19") && e.Message.StartsWith("Imported plan"));
        // ...and no log line quotes what a lead or manager wrote.
        var all = logs.AllText;
        var leaked = prose.Where(p => all.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, "Logs quote plan or progress text: " + string.Join(" | ", leaked.Take(5)));
        var body = sample.Updates!.First(u => (u.Text ?? "").Length > 200).Text!;
        Assert.DoesNotContain(body[..60], all);
    }

    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["Csp:SendGrid:ApiKey"] = "SG.fake-sendgrid-key-4f1c9a0b7d2e",
        ["Csp:LinkSigning:Keys:test"] = "fake-link-signing-key-7c3e91d0a5b24f68e1",
        ["Csp:Graph:ClientSecret"] = "fake~graph~client~secret~9Qx",
        ["Csp:Board:WorkflowWebhookUrl"] = "https://prod.example.logic.azure.com/workflows/fake/triggers/manual/paths/invoke?sig=fakeSig0123456789",
        ["Csp:SendGrid:EventWebhookPublicKey"] = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfakefakefake",
        [Settings.ApplicationInsightsConnectionString] = "InstrumentationKey=99999999-8888-7777-6666-555555555555;IngestionEndpoint=http://127.0.0.1:9/",
    };

    private static void AssertNoSecret(string text)
    {
        foreach (var (key, secret) in Secrets)
        {
            Assert.False(text.Contains(secret!, StringComparison.Ordinal), $"the value of {key} appears in the output");
            // Not even a recognisable part of it.
            Assert.False(text.Contains(secret![..16], StringComparison.Ordinal), $"part of the value of {key} appears in the output");
        }
    }

    [Fact]
    public async Task Secrets_never_appear_in_start_up_or_request_logs()
    {
        var logs = new CapturingLoggerProvider();
        await using (var host = await TestHost.StartAsync(storage, Secrets, s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            using var health = await host.Client.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            AssertNoSecret(await health.Content.ReadAsStringAsync());
            using var bad = await host.KeyClient.PostAsync("/api/plans/import", new StringContent("{ nope", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            AssertNoSecret(await bad.Content.ReadAsStringAsync());
        }
        Assert.NotEmpty(logs.Entries);
        AssertNoSecret(logs.AllText);
    }

    [Fact]
    public void Configuration_failures_name_the_settings_but_never_show_a_secret()
    {
        var logs = new CapturingLoggerProvider();
        var settings = StorageFixture.Settings();
        foreach (var (k, v) in Secrets) settings[k] = v;
        settings["Csp:LinkSigning:ActiveKeyId"] = "short";
        settings["Csp:LinkSigning:Keys:short"] = "too-short-but-still-secret";   // invalid: under 32 characters
        settings["Csp:Graph:TenantId"] = "@Microsoft.KeyVault(VaultName=kv-csp;SecretName=graph-tenant)";
        settings["Csp:PublicBaseUrl"] = "not a url";
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var ex = Assert.Throws<InvalidConfigurationException>(() => new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddCspFunctions(config));
        using (var factory = LoggerFactory.Create(b => b.AddProvider(logs)))
            factory.CreateLogger("Startup").LogCritical(ex, "CspFunctions could not start");

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Contains("Csp__LinkSigning__Keys__short"));
        Assert.Contains(ex.Problems, p => p.Contains("Csp__Graph__TenantId") && p.Contains("SecretName=graph-tenant"));

        // The options checked at start-up (here the public base URL) name their setting and show no value either.
        settings["Csp:LinkSigning:Keys:short"] = new string('s', 40);
        settings.Remove("Csp:Graph:TenantId");
        using var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddCspFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
        var atStart = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());
        using (var factory = LoggerFactory.Create(b => b.AddProvider(logs)))
            factory.CreateLogger("Startup").LogCritical(atStart, "CspFunctions could not start");
        var output = ex.ToString() + "\n" + atStart + "\n" + logs.AllText;
        Assert.Contains("Csp__PublicBaseUrl", output);
        AssertNoSecret(output);
        Assert.DoesNotContain("too-short-but-still-secret", output);
    }
}
