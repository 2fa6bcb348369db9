using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Observability;

/// <summary>
/// Follows one piece of work from the timer that starts it, through the queue message, to the send, so every log line
/// of one chase can be found with one query. The chasing timer creates it, each queue message carries it, and the
/// sender puts it in its logging scope. In JSON it is a plain string.
/// </summary>
[JsonConverter(typeof(CorrelationIdJsonConverter))]
public readonly record struct CorrelationId
{
    public const int MaxLength = 64;

    private readonly string? _value;

    private CorrelationId(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("An empty CorrelationId has no value; use CorrelationId.New().");

    /// <summary>A new id. Inside a trace it is the trace id, so the id also finds the platform's own telemetry of the run.</summary>
    public static CorrelationId New() =>
        Activity.Current is { TraceId: var trace } && trace != default ? new(trace.ToHexString()) : new(Guid.NewGuid().ToString("N"));

    /// <summary>Accepts what <see cref="New"/> makes and any other id of 1-64 letters, digits, '-', '_' or '.',
    /// so nothing a queue message carries can smuggle line breaks or markup into logs.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CorrelationId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return false;
        id = new CorrelationId(text);
        return true;
    }

    public static CorrelationId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a correlation id (1-{MaxLength} letters, digits, '-', '_' or '.').");

    /// <summary>The id a message carries, or a new one when it carries none or a malformed one (older messages, hand-made ones).</summary>
    public static CorrelationId FromMessage(string? text) => TryParse(text, out var id) ? id : New();

    public bool IsEmpty => _value is null;

    /// <summary>This id, or a new one when it is empty (a message written before ids existed).</summary>
    public CorrelationId OrNew() => IsEmpty ? New() : this;

    public override string ToString() => _value ?? "";
}
