using CspFunctions.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CspFunctions.Messaging;

public sealed record SendGridSettings(string ApiKey, string FromEmail, string FromName, bool SandboxMode, string? Host)
{
    public static SendGridSettings? From(IConfiguration config) =>
        string.IsNullOrWhiteSpace(config[Settings.SendGridApiKey])
            ? null
            : new SendGridSettings(config[Settings.SendGridApiKey]!, config[Settings.SendGridFromEmail] ?? "csp@example.org",
                config[Settings.SendGridFromName] ?? "Community Safety Partnership",
                bool.TryParse(config[Settings.SendGridSandboxMode], out var sandbox) && sandbox,
                string.IsNullOrWhiteSpace(config[Settings.SendGridHost]) ? null : config[Settings.SendGridHost]);

    public SendGridClient CreateClient(HttpClient httpClient)
    {
        var options = new SendGridClientOptions { ApiKey = ApiKey };
        if (Host is not null) options.Host = Host;
        return new SendGridClient(httpClient, options);
    }
}
