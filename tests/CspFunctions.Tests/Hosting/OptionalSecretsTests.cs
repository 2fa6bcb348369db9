using System.Net;
using System.Text.Json;
using CspFunctions.LocalHost;
using CspFunctions.Messaging;
using CspFunctions.Reporting;
using CspFunctions.Setup;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Tests.Hosting;

/// <summary>An optional secret that is not in the vault must not take the app down: start-up logs a warning naming it and
/// the feature behaves as if it were unset.</summary>
[Collection(StorageCollection.Name)]
public sealed class OptionalSecretsTests(StorageFixture storage)
{
    private static string Reference(string setting) => $"@Microsoft.KeyVault(VaultName=kv-csp;SecretName={Settings.EnvName(setting).ToLowerInvariant()})";

    [Fact]
    public async Task The_app_starts_with_every_optional_secret_an_unresolved_reference_and_warns_about_each()
    {
        var logs = new CapturingLoggerProvider();
        var overrides = Settings.Optional.ToDictionary(s => s, s => (string?)Reference(s));
        await using var host = await TestHost.StartAsync(storage, overrides, s => s.AddSingleton<ILoggerProvider>(logs));

        using var health = await host.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category == typeof(SettingsWarningsLogger).FullName).Select(e => e.Message).ToList();
        foreach (var setting in Settings.Optional)
            Assert.Single(warnings, w => w.Contains($"'{Settings.EnvName(setting)}'") && w.Contains("treated as unset"));

        // Treated as unset: no board channel, no Graph client, the inbound route does not demand a signature.
        Assert.False(host.Services.GetRequiredService<IBoardChannel>().IsConfigured);
        Assert.IsType<LocalOutbox>(host.Services.GetRequiredService<ITeamsNotifier>());
        Assert.False(host.Services.GetRequiredService<CspFunctions.Responses.InboundParseSignature>().Verifier.IsConfigured);
        Assert.False(host.Services.GetRequiredService<SendGridEventWebhook>().IsConfigured);
        Assert.DoesNotContain("@Microsoft.KeyVault", host.Services.GetRequiredService<ReportingSettings>().BoardWebhookUrl ?? "");
    }

    [Fact]
    public void Bicep_creates_the_reference_of_an_optional_secret_only_when_its_parameter_says_it_exists()
    {
        var root = RepoPaths.FindRoot();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "infra", "settings.json")));
        var secrets = doc.RootElement.GetProperty("secretsOperatorProvides").EnumerateArray().ToList();
        var gated = secrets.Where(s => s.TryGetProperty("onlyWhenParameter", out _)).ToDictionary(s => s.GetProperty("setting").GetString()!, s => s.GetProperty("onlyWhenParameter").GetString()!);
        Assert.Equal(Settings.Optional.Select(Settings.EnvName).Order(), gated.Keys.Order());
        var main = File.ReadAllText(Path.Combine(root, "infra", "main.bicep"));
        var parameters = File.ReadAllText(Path.Combine(root, "infra", "main.parameters.json"));
        foreach (var parameter in gated.Values)
        {
            Assert.Matches($@"param {parameter} bool = false", main);
            Assert.Contains($"\"{parameter}\"", parameters);
            Assert.Contains($"{parameter}: {parameter}", main);
        }
        Assert.Contains("filter(settings.secretsOperatorProvides", main);
    }
}
