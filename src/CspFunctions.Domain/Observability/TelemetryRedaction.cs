using System.Text.RegularExpressions;

namespace CspFunctions.Observability;

/// <summary>What never reaches telemetry or logs from a URL: the signed token of a lead's link (/respond/{token}, which
/// is the lead's credential until it expires) and any function key (?code=).</summary>
public static partial class TelemetryRedaction
{
    public const string TokenPlaceholder = "{token}";
    public const string Redacted = "REDACTED";

    [GeneratedRegex(@"(/respond/)(?!\{token\})[^/?#\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex RespondToken();

    [GeneratedRegex(@"([?&]code=)(?!REDACTED)[^&#\s""']*", RegexOptions.IgnoreCase)]
    private static partial Regex CodeParameter();

    public static bool NeedsRedaction(string text) =>
        text.Contains("/respond/", StringComparison.OrdinalIgnoreCase) || text.Contains("code=", StringComparison.OrdinalIgnoreCase);

    public static string Redact(string text) =>
        NeedsRedaction(text) ? CodeParameter().Replace(RespondToken().Replace(text, "$1" + TokenPlaceholder), "$1" + Redacted) : text;
}
