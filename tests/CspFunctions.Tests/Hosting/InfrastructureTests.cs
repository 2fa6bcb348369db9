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

    /// <summary>What azd deploy uploads (it runs `dotnet publish`) is ReadyToRun for Flex Consumption's linux-x64 workers, for
    /// a faster cold start (docs/operations.md, bench/results/startup.md); an ordinary build or test sets no runtime, so its
    /// output path stays bin/CONFIG/net10.0/. Evaluated, not built: a publish takes minutes.</summary>
    [Fact]
    public async Task Publishing_the_app_compiles_it_ReadyToRun_for_linux_x64_and_an_ordinary_build_sets_no_runtime()
    {
        var published = await EvaluateAppAsync("-p:_IsPublishing=true");
        Assert.Equal("linux-x64", published["RuntimeIdentifier"]);
        Assert.Equal("false", published["SelfContained"]);
        Assert.Equal("true", published["PublishReadyToRun"]);

        var built = await EvaluateAppAsync();
        Assert.Equal("", built["RuntimeIdentifier"]);
        Assert.Equal("", built["PublishReadyToRun"]);
        Assert.EndsWith("net10.0/", built["OutputPath"].Replace('\\', '/'));
    }

    private static async Task<Dictionary<string, string>> EvaluateAppAsync(params string[] properties)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var a in new[] { "msbuild", Path.Combine(Root, "src", "CspFunctions", "CspFunctions.csproj"), "-nologo", "-p:Configuration=Release",
                     "-getProperty:RuntimeIdentifier", "-getProperty:SelfContained", "-getProperty:PublishReadyToRun", "-getProperty:OutputPath" }.Concat(properties))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        using var json = JsonDocument.Parse(await stdout);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
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

    [Fact]
    public async Task Network_isolation_puts_the_app_in_a_delegated_subnet_and_storage_and_Key_Vault_behind_private_endpoints()
    {
        var resources = await SnapshotAsync(("enableNetworkIsolation", "true"));

        var vnet = Assert.Single(resources, r => Type(r) == "Microsoft.Network/virtualNetworks");
        var subnets = vnet.GetProperty("properties").GetProperty("subnets").EnumerateArray().ToList();
        var appSubnet = Assert.Single(subnets, s => s.GetProperty("properties").TryGetProperty("delegations", out var d)
            && d.EnumerateArray().Any(x => x.GetProperty("properties").GetProperty("serviceName").GetString() == "Microsoft.App/environments"));
        Assert.Contains(subnets, s => s.GetProperty("name").GetString() != appSubnet.GetProperty("name").GetString());

        var site = Assert.Single(resources, r => Type(r) == "Microsoft.Web/sites");
        Assert.Equal($"{vnet.GetProperty("id").GetString()}/subnets/{appSubnet.GetProperty("name").GetString()}",
            site.GetProperty("properties").GetProperty("virtualNetworkSubnetId").GetString());

        var storage = Assert.Single(resources, r => Type(r) == "Microsoft.Storage/storageAccounts");
        var vault = Assert.Single(resources, r => Type(r) == "Microsoft.KeyVault/vaults");
        var endpoints = resources.Where(r => Type(r) == "Microsoft.Network/privateEndpoints").ToList();
        string[] Groups(JsonElement target) => endpoints
            .SelectMany(e => e.GetProperty("properties").GetProperty("privateLinkServiceConnections").EnumerateArray())
            .Where(c => c.GetProperty("properties").GetProperty("privateLinkServiceId").GetString() == target.GetProperty("id").GetString())
            .SelectMany(c => c.GetProperty("properties").GetProperty("groupIds").EnumerateArray().Select(g => g.GetString()!))
            .Order().ToArray();
        Assert.Equal(["blob", "queue", "table"], Groups(storage));
        Assert.Equal(["vault"], Groups(vault));
        foreach (var endpoint in endpoints)
        {
            Assert.EndsWith("/subnets/snet-private-endpoints", endpoint.GetProperty("properties").GetProperty("subnet").GetProperty("id").GetString());
            Assert.Single(resources, r => Type(r) == "Microsoft.Network/privateEndpoints/privateDnsZoneGroups"
                && r.GetProperty("name").GetString() == endpoint.GetProperty("name").GetString() + "/default");
        }
        var zones = resources.Where(r => Type(r) == "Microsoft.Network/privateDnsZones").Select(r => r.GetProperty("name").GetString()!).ToList();
        foreach (var zone in new[] { "privatelink.blob.", "privatelink.queue.", "privatelink.table.", "vaultcore" })
            Assert.Single(zones, z => z.Contains(zone, StringComparison.Ordinal));
        var links = resources.Where(r => Type(r) == "Microsoft.Network/privateDnsZones/virtualNetworkLinks").ToList();
        Assert.Equal(4, links.Count);
        Assert.All(links, l => Assert.Equal(vnet.GetProperty("id").GetString(), l.GetProperty("properties").GetProperty("virtualNetwork").GetProperty("id").GetString()));

        foreach (var closed in new[] { storage, vault })
        {
            Assert.Equal("Disabled", closed.GetProperty("properties").GetProperty("publicNetworkAccess").GetString());
            Assert.Equal("Deny", closed.GetProperty("properties").GetProperty("networkAcls").GetProperty("defaultAction").GetString());
            Assert.Empty(closed.GetProperty("properties").GetProperty("networkAcls").GetProperty("ipRules").EnumerateArray());
        }
    }

    [Fact]
    public async Task Network_isolation_with_an_allowed_address_lets_only_that_address_through_the_firewalls()
    {
        var resources = await SnapshotAsync(("enableNetworkIsolation", "true"), ("networkAllowedIpRange", "'203.0.113.7'"));

        foreach (var type in new[] { "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults" })
        {
            var properties = Assert.Single(resources, r => Type(r) == type).GetProperty("properties");
            Assert.Equal("Enabled", properties.GetProperty("publicNetworkAccess").GetString());
            Assert.Equal("Deny", properties.GetProperty("networkAcls").GetProperty("defaultAction").GetString());
            var rule = Assert.Single(properties.GetProperty("networkAcls").GetProperty("ipRules").EnumerateArray());
            Assert.Equal("203.0.113.7", rule.GetProperty("value").GetString());
        }
        Assert.Equal(4, resources.Count(r => Type(r) == "Microsoft.Network/privateEndpoints"));
    }

    [Fact]
    public async Task Without_network_isolation_nothing_of_it_is_deployed()
    {
        var resources = await SnapshotAsync();

        Assert.DoesNotContain(resources, r => Type(r).StartsWith("Microsoft.Network/", StringComparison.Ordinal));
        var site = Assert.Single(resources, r => Type(r) == "Microsoft.Web/sites");
        Assert.False(site.GetProperty("properties").TryGetProperty("virtualNetworkSubnetId", out var subnet) && subnet.ValueKind == JsonValueKind.String);
        foreach (var type in new[] { "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults" })
        {
            var properties = Assert.Single(resources, r => Type(r) == type).GetProperty("properties");
            Assert.Equal("Enabled", properties.GetProperty("publicNetworkAccess").GetString());
            Assert.Equal("Allow", properties.GetProperty("networkAcls").GetProperty("defaultAction").GetString());
        }
    }

    [Fact]
    public void The_network_isolation_parameters_are_azd_environment_settings_and_off_by_default()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "infra", "main.parameters.json")));
        var parameters = doc.RootElement.GetProperty("parameters");
        Assert.Equal("${CSP_ENABLE_NETWORK_ISOLATION=false}", parameters.GetProperty("enableNetworkIsolation").GetProperty("value").GetString());
        Assert.Equal("${CSP_NETWORK_ALLOWED_IP_RANGE}", parameters.GetProperty("networkAllowedIpRange").GetProperty("value").GetString());
        Assert.StartsWith("${CSP_NETWORK_ADDRESS_PREFIX=", parameters.GetProperty("networkAddressPrefix").GetProperty("value").GetString());
        var operations = File.ReadAllText(Path.Combine(Root, "docs", "operations.md"));
        foreach (var setting in new[] { "CSP_ENABLE_NETWORK_ISOLATION", "CSP_NETWORK_ALLOWED_IP_RANGE", "CSP_NETWORK_ADDRESS_PREFIX" })
            Assert.Contains($"azd env set {setting}", operations);
    }

    private static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    /// <summary>What main.bicep would deploy with these parameters: `bicep snapshot` evaluates the compiled template
    /// (conditions, loops, modules) offline, for a made-up subscription and tenant.</summary>
    private static async Task<List<JsonElement>> SnapshotAsync(params (string Name, string Value)[] parameters)
    {
        var dir = Directory.CreateTempSubdirectory("csp-bicep-");
        try
        {
            var main = Path.GetRelativePath(dir.FullName, Path.Combine(Root, "infra", "main.bicep")).Replace('\\', '/');
            var lines = new List<string>
            {
                $"using '{main}'",
                "param environmentName = 'test'",
                "param location = 'uksouth'",
                "param sendGridFromEmail = 'csp@example.org'",
                "param sendGridInboundDomain = 'reply.example.org'",
                "param graphClientId = '00000000-0000-0000-0000-000000000001'",
            };
            lines.AddRange(parameters.Select(p => $"param {p.Name} = {p.Value}"));
            var file = Path.Combine(dir.FullName, "test.bicepparam");
            await File.WriteAllLinesAsync(file, lines);
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Path.Combine(Root, "infra", "bicep.sh"), "snapshot", file, "--mode", "overwrite", "--location", "uksouth",
                "--subscription-id", "00000000-0000-0000-0000-00000000000a", "--tenant-id", "00000000-0000-0000-0000-00000000000b" })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"bicep snapshot failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
            using var snapshot = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(file, ".snapshot.json")));
            Assert.Empty(snapshot.RootElement.GetProperty("diagnostics").EnumerateArray());
            return snapshot.RootElement.GetProperty("predictedResources").EnumerateArray().Select(r => r.Clone()).ToList();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
