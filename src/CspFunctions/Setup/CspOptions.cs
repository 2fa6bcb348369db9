namespace CspFunctions.Setup;

/// <summary>Section "Csp": the table prefix and the public address links point at. Bound once at start-up
/// (<see cref="OptionsRegistration"/>); every registration takes its values from here, so each has one default.</summary>
public sealed class CspOptions
{
    public const string Section = "Csp";
    public const string DefaultPublicBaseUrl = "http://localhost:7071";

    public string TablePrefix { get; set; } = "csp";
    /// <summary>Where the response form and the published reports are reached; Bicep sets it to the app's host name.</summary>
    public string PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;
}
