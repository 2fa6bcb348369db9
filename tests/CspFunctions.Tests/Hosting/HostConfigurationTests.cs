using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CspFunctions.LocalHost;
using CspFunctions.Retention;
using CspFunctions.Setup;

namespace CspFunctions.Tests.Hosting;

/// <summary>host.json, local.settings.sample.json and the repository itself, checked against what the app does.</summary>
public sealed class HostConfigurationTests
{
    private static readonly string Root = RepoPaths.FindRoot();

    private static JsonElement HostJson()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "host.json")));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Host_json_exports_OpenTelemetry_and_agrees_with_the_local_host()
    {
        var host = HostJson();
        Assert.Equal("OpenTelemetry", host.GetProperty("telemetryMode").GetString());
        var queues = host.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(QueueRunner.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(TimeSpan.Parse(host.GetProperty("functionTimeout").GetString()!) <= TimeSpan.FromMinutes(10), "Flex Consumption allows longer, but nothing here should run that long");
        Assert.True(host.GetProperty("healthMonitor").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void Every_host_json_choice_is_explained_in_the_README()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var section = readme[readme.IndexOf("## host.json choices", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        var host = HostJson();
        var choices = host.EnumerateObject().Select(p => p.Name).Where(n => n != "version")
            .Concat(host.GetProperty("extensions").GetProperty("queues").EnumerateObject().Select(p => p.Name))
            .Concat(host.GetProperty("logging").GetProperty("logLevel").EnumerateObject().Select(p => p.Name).Where(n => n != "default"));
        var unexplained = choices.Where(c => !section.Contains($"`{c}`", StringComparison.Ordinal) && !section.Contains($"`{c}.", StringComparison.Ordinal)).ToList();
        Assert.True(unexplained.Count == 0, "README's host.json section does not explain: " + string.Join(", ", unexplained));
    }

    /// <summary>Settings that only make sense in Azure (managed-identity storage) or that name one deployment's key id.</summary>
    private static readonly Dictionary<string, string> NotInLocalSample = new()
    {
        [Settings.EnvName(Settings.StorageAccountName)] = "identity-based storage, Azure only",
        [Settings.EnvName(Settings.StorageClientId)] = "identity-based storage, Azure only",
        [Settings.EnvName(Settings.StorageCredential)] = "identity-based storage, Azure only",
        [Settings.EnvName(Settings.LinkSigningKeys) + "__k1"] = "Azure's key id; the sample uses its own key id 'local'",
    };

    [Fact]
    public void The_local_sample_holds_every_setting_with_a_safe_default_and_the_README_explains_each()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "local.settings.sample.json")));
        var values = doc.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        var missing = Settings.All.Select(Settings.EnvName).Where(s => !NotInLocalSample.ContainsKey(s) && !values.ContainsKey(s)).ToList();
        Assert.True(missing.Count == 0, "local.settings.sample.json lacks: " + string.Join(", ", missing));

        // Safe: local storage, no telemetry export, no real provider credentials, the local outbox.
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        foreach (var off in new[] { Settings.ApplicationInsightsConnectionString, Settings.SendGridApiKey, Settings.GraphClientSecret, Settings.BoardWorkflowWebhookUrl })
            Assert.True(string.IsNullOrEmpty(values[Settings.EnvName(off)]), $"{Settings.EnvName(off)} must be empty in the sample");
        Assert.Equal(".outbox", values[Settings.EnvName(Settings.OutboxPath)]);
        Assert.Equal(InboundMailRetention.DefaultDays.ToString(), values[Settings.EnvName(Settings.RetentionInboundMailDays)]);

        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var unexplained = Settings.All.Concat(Settings.LocalOnly).Select(Settings.EnvName)
            .Select(s => Regex.Replace(s, "__k1$", "__<id>"))
            .Where(s => !readme.Contains($"`{s}`", StringComparison.Ordinal)).ToList();
        Assert.True(unexplained.Count == 0, "README's settings table does not explain: " + string.Join(", ", unexplained));
    }

    [Fact]
    public void Every_setting_Bicep_claims_to_set_has_a_value_in_the_templates()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "infra", "settings.json")));
        var bicep = File.ReadAllText(Path.Combine(Root, "infra", "main.bicep")) + File.ReadAllText(Path.Combine(Root, "infra", "app", "api.bicep"));
        var unset = doc.RootElement.GetProperty("setByBicep").EnumerateArray().Select(e => e.GetString()!)
            .Where(name => !Regex.IsMatch(bicep, $@"^\s*'?{Regex.Escape(name)}'?\s*:", RegexOptions.Multiline)).ToList();
        Assert.True(unset.Count == 0, "listed in setByBicep but given no value: " + string.Join(", ", unset));
    }

    /// <summary>Patterns of real credentials. The Azurite account key is public (documented by Microsoft) and allowed.</summary>
    private static readonly (string Name, Regex Pattern)[] SecretPatterns =
    [
        ("SendGrid API key", new(@"SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{30,50}")),
        ("storage account key", new(@"AccountKey=(?!Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==)[A-Za-z0-9+/=]{40,}")),
        ("SAS signature", new(@"[?&]sig=[A-Za-z0-9%+/=]{40,}")),
        ("Entra client secret", new(@"\b[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}\b")),
        ("private key", new(@"-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----")),
        ("Application Insights key", new(@"InstrumentationKey=(?!0{8}-0{4}-0{4}-0{4}-0{12})(?!9{8}-8{4}-7{4}-6{4}-5{12})[0-9a-f]{8}-[0-9a-f]{4}-")),
    ];

    /// <summary>Test doubles say what they are ("fake", "test", "example"...) or are repetitive; real credentials are neither.</summary>
    private static bool LooksReal(string value) =>
        !Regex.IsMatch(value, "fake|test|example|dummy|sample|local", RegexOptions.IgnoreCase) && value.Distinct().Count() >= 12;

    [Fact]
    public void No_secret_is_committed_to_the_repository()
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", Root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]) { RedirectStandardOutput = true })!;
        var files = git.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        Assert.Contains("host.json", files);
        var found = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(Root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 2_000_000 || file.EndsWith(".png") || file.EndsWith(".zip")) continue;
            var text = File.ReadAllText(path);
            found.AddRange(SecretPatterns.Where(p => p.Pattern.Matches(text).Any(m => LooksReal(m.Value))).Select(p => $"{file}: {p.Name}"));
        }
        Assert.True(found.Count == 0, "Possible secrets in the repository (a deliberate fake must say so: put 'fake' in it): " + string.Join("; ", found));

        // The patterns do catch what they are for.
        // Built at run time, so this file does not itself hold a key-shaped string.
        var sendGridLike = string.Join(".", "SG", "Xq7vR2mKp9LwT4nB8cYz1D", "hJ3kF6sA0gE5uI9oP2lM7nV4bC1xZ8qW3eR6tY0uI5o");
        Assert.Matches(SecretPatterns[0].Pattern, sendGridLike);
        Assert.True(LooksReal(sendGridLike));
        Assert.False(LooksReal("SG." + new string('a', 22) + "." + new string('b', 43)));
        Assert.False(LooksReal("SG.fake-key-for-the-stub-000.0000000000000000000000000000000000"));
        Assert.Matches(SecretPatterns[1].Pattern, "AccountKey=" + new string('Q', 86) + "==");
        Assert.DoesNotMatch(SecretPatterns[1].Pattern, "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");
    }
}
