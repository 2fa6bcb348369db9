namespace CspFunctions.Setup;

/// <summary>What start-up found wrong but could run without (an optional secret that did not resolve).</summary>
public sealed record SettingsWarnings(IReadOnlyList<string> Messages);
