using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CspFunctions.Tests.Hosting;

/// <summary>Settings are bound once into options classes, validated when the app starts, and every registration reads them there.</summary>
public sealed class SettingsOptionsTests
{
    private static readonly Dictionary<string, string?> Minimal = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Csp:LinkSigning:ActiveKeyId"] = "k1",
        ["Csp:LinkSigning:Keys:k1"] = new string('k', 32),
        ["Csp:Queues:Reminders"] = "cspreminders",
        ["Csp:Queues:BoardNotices"] = "cspboardnotices",
    };

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddCspFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    [Fact]
    public void Unset_public_base_url_and_inbound_domain_mean_the_same_everywhere()
    {
        using var services = Build(Minimal);
        services.GetRequiredService<IStartupValidator>().Validate();
        var links = services.GetRequiredService<ReminderLinks>();
        var responses = services.GetRequiredService<ResponseOptions>();
        var round = ReportingRound.For("p", new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 19));

        // The reply address a reminder carries is one the inbound processor recognises as ours.
        var replyTo = links.ReplyTo(round, "police");
        Assert.Equal(links.ReplyKey(round, "police"), ReplyAddress.FindKey([replyTo], responses.InboundDomain));
        // The form link, the form's own links and the published report's links share one base.
        Assert.StartsWith(responses.PublicBaseUrl.TrimEnd('/') + "/api/respond/", links.FormUrl(round, "police", new Contact("Pat", "pat@example.org")));
        Assert.Equal(responses.PublicBaseUrl, services.GetRequiredService<ReportingSettings>().PublicBaseUrl);
        Assert.Equal(CspOptions.DefaultPublicBaseUrl, responses.PublicBaseUrl);
        Assert.Equal(SendGridOptions.DefaultInboundDomain, responses.InboundDomain);
    }

    [Fact]
    public void A_set_value_reaches_every_reader()
    {
        using var services = Build(new(Minimal) { ["Csp:PublicBaseUrl"] = "https://csp.example.org", ["Csp:SendGrid:InboundDomain"] = "reply.example.org", ["Csp:Retention:InboundMailDays"] = "30" });
        services.GetRequiredService<IStartupValidator>().Validate();
        var round = ReportingRound.For("p", new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 19));
        Assert.EndsWith("@reply.example.org", services.GetRequiredService<ReminderLinks>().ReplyTo(round, "police"));
        Assert.Equal(("https://csp.example.org", "reply.example.org"), (services.GetRequiredService<ResponseOptions>().PublicBaseUrl, services.GetRequiredService<ResponseOptions>().InboundDomain));
        Assert.Equal("https://csp.example.org", services.GetRequiredService<ReportingSettings>().PublicBaseUrl);
        Assert.Equal(30, services.GetRequiredService<CspFunctions.Retention.InboundMailRetention>().Days);
    }

    [Fact]
    public void Bad_settings_stop_the_app_at_start_up_naming_each_setting()
    {
        using var services = Build(new(Minimal)
        {
            ["Csp:TablePrefix"] = "bad-prefix!", ["Csp:PublicBaseUrl"] = "not a url", ["Csp:SendGrid:InboundDomain"] = "not a domain!",
            ["Csp:Queues:Reminders"] = null, ["Csp:Queues:BoardNotices"] = "Bad_Queue", ["Csp:Retention:InboundMailDays"] = "0",
        });
        var ex = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());
        var failures = (ex as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList()
            ?? Assert.IsType<OptionsValidationException>(ex).Failures.ToList();
        foreach (var setting in new[] { "Csp__TablePrefix", "Csp__PublicBaseUrl", "Csp__SendGrid__InboundDomain", "Csp__Queues__Reminders", "Csp__Queues__BoardNotices", "Csp__Retention__InboundMailDays" })
            Assert.Contains(failures, f => f.Contains($"'{setting}'", StringComparison.Ordinal));
    }
}
