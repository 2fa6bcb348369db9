using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Observability;

public static class LogScopes
{
    /// <summary>Every log line written inside the returned scope carries the ids as structured properties.</summary>
    public static IDisposable? BeginCspScope(this ILogger logger, LogIds ids) => logger.BeginScope(new IdScope(ids.Properties));

    /// <summary>A span and a logging scope with the same ids, ended together: one line at the top of a function.</summary>
    public static IDisposable BeginCspOperation(this ILogger logger, string operation, LogIds ids, ActivityKind kind = ActivityKind.Internal) =>
        new Operation(CspTelemetry.StartActivity(operation, ids, kind), logger.BeginCspScope(ids));

    private sealed class Operation(Activity? activity, IDisposable? scope) : IDisposable
    {
        public void Dispose()
        {
            scope?.Dispose();
            activity?.Dispose();
        }
    }

    /// <summary>Scope state as a list of pairs (what logging providers turn into properties), printed as "PlanId:x CorrelationId:y".</summary>
    private sealed class IdScope(IReadOnlyList<KeyValuePair<string, object?>> properties) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => properties[index];
        public int Count => properties.Count;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => properties.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => string.Join(" ", properties.Select(p => $"{p.Key}:{p.Value}"));
    }
}
