using System.Diagnostics;
using System.Text.Json;
using CspFunctions.LocalHost;
using CspFunctions.Setup;

namespace CspFunctions.Tests.Hosting;

public sealed class InfrastructureTests
{
    private static readonly string Root = RepoPaths.FindRoot();

    [Fact]
    public void Every_setting_the_app_reads_is_set_by_Bicep_or_listed_as_a_secret()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "infra", "settings.json")));
        var accounted = doc.RootElement.GetProperty("setByBicep").EnumerateArray().Select(e => e.GetString()!)
            .Concat(doc.RootElement.GetProperty("secretsOperatorProvides").EnumerateArray().Select(e => e.GetProperty("setting").GetString()!))
            .Concat(doc.RootElement.GetProperty("notSetInAzure").EnumerateArray().Select(e => e.GetProperty("setting").GetString()!))
            .ToHashSet();
        var missing = Settings.All.Select(Settings.EnvName).Where(s => !accounted.Contains(s)).ToList();
        Assert.True(missing.Count == 0, "Not set by infra/main.bicep nor listed as a secret: " + string.Join(", ", missing));

        var bicep = File.ReadAllText(Path.Combine(Root, "infra", "main.bicep"));
        Assert.Contains("settings.json", bicep);
    }

    [Fact]
    public void Every_queue_trigger_binds_to_a_queue_setting_that_Bicep_sets()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "infra", "settings.json")));
        var setByBicep = doc.RootElement.GetProperty("setByBicep").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var queues = FunctionCatalog.Load().Where(f => f.Trigger == TriggerKind.Queue).ToList();
        Assert.NotEmpty(queues);
        foreach (var function in queues)
        {
            Assert.Matches("^%Csp:Queues:[A-Za-z]+%$", function.QueueName);
            var setting = function.QueueName!.Trim('%');
            Assert.Contains(setting, Settings.All);
            Assert.Contains(Settings.EnvName(setting), setByBicep);
            Assert.True(LocalSettings.Defaults.ContainsKey(setting), $"the local host has no default for {setting}");
        }
    }

    [Fact]
    public void The_sample_local_settings_hold_every_local_setting_with_safe_defaults()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "local.settings.sample.json")));
        var values = doc.RootElement.GetProperty("Values");
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        foreach (var (key, _) in LocalSettings.Defaults)
            Assert.True(values.TryGetProperty(Settings.EnvName(key), out _), $"local.settings.sample.json lacks {Settings.EnvName(key)}");
        Assert.DoesNotContain("@Microsoft.KeyVault", values.GetRawText());
    }

    [Fact]
    public async Task Bicep_builds_and_lints_with_zero_warnings()
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root, "infra", "check.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"infra/check.sh failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        Assert.Contains("clean", await stdout);
    }
}
