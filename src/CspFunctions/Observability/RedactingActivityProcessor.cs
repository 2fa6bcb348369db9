using System.Diagnostics;
using OpenTelemetry;

namespace CspFunctions.Observability;

/// <summary>Runs before the exporter on every span: link tokens and function keys are taken out of its name and of every
/// string tag (url.full, url.path, url.query, http.target, http.url, ...).</summary>
public sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        data.DisplayName = TelemetryRedaction.Redact(data.DisplayName);
        List<KeyValuePair<string, string>>? changes = null;
        foreach (var (key, value) in data.TagObjects)
            if (value is string text && TelemetryRedaction.NeedsRedaction(text))
                (changes ??= []).Add(new(key, TelemetryRedaction.Redact(text)));
        foreach (var (key, value) in changes ?? []) data.SetTag(key, value);
    }
}
