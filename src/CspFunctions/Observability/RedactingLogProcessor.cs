using OpenTelemetry;
using OpenTelemetry.Logs;

namespace CspFunctions.Observability;

/// <summary>Runs before the exporter on every log record: link tokens and function keys are taken out of the message and
/// its string attributes.</summary>
public sealed class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is { } message) data.FormattedMessage = TelemetryRedaction.Redact(message);
        if (data.Body is { } body) data.Body = TelemetryRedaction.Redact(body);
        if (data.Attributes is { } attributes && attributes.Any(a => a.Value is string s && TelemetryRedaction.NeedsRedaction(s)))
            data.Attributes = attributes.Select(a => a.Value is string s ? new KeyValuePair<string, object?>(a.Key, TelemetryRedaction.Redact(s)) : a).ToList();
    }
}
