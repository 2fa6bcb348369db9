using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Hosting;

public sealed class ConfigurationTests
{
    private static InvalidConfigurationException StartWith(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return Assert.Throws<InvalidConfigurationException>(() => new ServiceCollection().AddCspFunctions(config));
    }

    [Fact]
    public void Missing_storage_fails_fast_naming_the_setting()
    {
        var ex = StartWith(new() { ["Csp:TablePrefix"] = "csp", ["Csp:LinkSigning:ActiveKeyId"] = "k1", ["Csp:LinkSigning:Keys:k1"] = new string('k', 32) });
        Assert.Contains("Setting 'AzureWebJobsStorage' is missing", Assert.Single(ex.Problems));
    }

    [Fact]
    public void An_unresolved_Key_Vault_reference_fails_fast_naming_the_setting()
    {
        var ex = StartWith(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Csp:SendGrid:ApiKey"] = "@Microsoft.KeyVault(VaultName=kv-csp;SecretName=sendgrid-api-key)",
            ["Csp:LinkSigning:ActiveKeyId"] = "k1",
            ["Csp:LinkSigning:Keys:k1"] = new string('k', 32),
        });
        var problem = Assert.Single(ex.Problems);
        Assert.Contains("'Csp__SendGrid__ApiKey' is an unresolved Key Vault reference", problem);
        Assert.Contains("Key Vault Secrets User", problem);
    }

    [Fact]
    public void Every_problem_is_reported_together()
    {
        var ex = StartWith(new() { ["Csp:Retention:InboundMailDays"] = "a year" });
        Assert.Equal(3, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Contains("AzureWebJobsStorage"));
        Assert.Contains(ex.Problems, p => p.Contains("Csp__LinkSigning__ActiveKeyId"));
        Assert.Contains(ex.Problems, p => p.Contains("Csp__Retention__InboundMailDays"));
        Assert.Contains("cannot start because of its configuration", ex.Message);
    }

    [Fact]
    public void A_valid_local_configuration_starts()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Csp:LinkSigning:ActiveKeyId"] = "k1", ["Csp:LinkSigning:Keys:k1"] = new string('k', 32),
            ["Csp:Queues:Reminders"] = "cspreminders", ["Csp:Queues:BoardNotices"] = "cspboardnotices",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddCspFunctions(config).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        Assert.Equal("cspplans", provider.GetRequiredService<StorageNames>().Plans);
    }

    [Fact]
    public void An_unresolved_reference_in_a_required_secret_still_stops_start_up_even_beside_optional_ones()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Csp:LinkSigning:ActiveKeyId"] = "k1",
            ["Csp:LinkSigning:Keys:k1"] = "@Microsoft.KeyVault(VaultName=kv-csp;SecretName=link-signing-key-k1)",
        };
        foreach (var optional in Settings.Optional) settings[optional] = "@Microsoft.KeyVault(VaultName=kv-csp;SecretName=x)";
        var ex = StartWith(settings);
        Assert.Contains(ex.Problems, p => p.Contains("'Csp__LinkSigning__Keys__k1' is an unresolved Key Vault reference"));
        Assert.DoesNotContain(ex.Problems, p => Settings.Optional.Any(o => p.Contains(Settings.EnvName(o))));
    }
}
