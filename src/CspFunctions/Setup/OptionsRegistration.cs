using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Setup;

public static class OptionsRegistration
{
    /// <summary>Binds the settings into options classes, each checked when the app starts: a bad value stops start-up with a
    /// message naming the setting as it is written in app settings.</summary>
    public static IServiceCollection AddCspOptions(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CspOptions>().Bind(config.GetSection(CspOptions.Section))
            .Validate(o => StorageNames.IsValidPrefix(o.TablePrefix),
                $"Setting '{Settings.EnvName(Settings.TablePrefix)}' must be 1-20 letters or digits starting with a letter.")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                $"Setting '{Settings.EnvName(Settings.PublicBaseUrl)}' must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddOptions<SendGridOptions>().Bind(config.GetSection(SendGridOptions.Section))
            .Validate(o => Uri.CheckHostName(o.InboundDomain) == UriHostNameType.Dns,
                $"Setting '{Settings.EnvName(Settings.SendGridInboundDomain)}' must be the Inbound Parse host name, e.g. reply.example.org.")
            .ValidateOnStart();
        services.AddOptions<QueueOptions>().Bind(config.GetSection(QueueOptions.Section))
            .Validate(o => QueueOptions.IsValidName(o.Reminders),
                $"Setting '{Settings.EnvName(Settings.RemindersQueue)}' must name the reminders queue (3-63 lower-case letters, digits, hyphens).")
            .Validate(o => QueueOptions.IsValidName(o.BoardNotices),
                $"Setting '{Settings.EnvName(Settings.BoardNoticesQueue)}' must name the board-notices queue (3-63 lower-case letters, digits, hyphens).")
            .Validate(o => o.Reminders != o.BoardNotices,
                $"Settings '{Settings.EnvName(Settings.RemindersQueue)}' and '{Settings.EnvName(Settings.BoardNoticesQueue)}' must name different queues.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(config.GetSection(RetentionOptions.Section))
            .Validate(o => o.InboundMailDays >= 1, $"Setting '{Settings.EnvName(Settings.RetentionInboundMailDays)}' must be a whole number of days, at least 1.")
            .ValidateOnStart();
        return services;
    }
}
