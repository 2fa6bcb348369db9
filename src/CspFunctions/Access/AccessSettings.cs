using Microsoft.Extensions.Configuration;

namespace CspFunctions.Access;

/// <summary>Whether the platform's sign-in is on. App Service sets WEBSITE_AUTH_ENABLED=True when App Service Authentication
/// is enabled, and then strips any X-MS-CLIENT-PRINCIPAL a client sends; the local host sets it when it emulates sign-in.</summary>
public sealed record AccessSettings(bool PlatformSignInEnabled)
{
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";

    public static AccessSettings From(IConfiguration config) =>
        new(string.Equals(config[AuthEnabledSetting]?.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
