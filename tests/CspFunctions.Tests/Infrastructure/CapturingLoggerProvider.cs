using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>One log call as a provider sees it: the formatted message, its structured properties, the properties of
/// every scope it was written in, and the exception.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Scopes, string? ScopeText, string? Exception)
{
    /// <summary>Everything a log sink could write out for this entry, as one string.</summary>
    public string AllText => string.Join("\n", new[] { Category, Message, ScopeText, Exception }
        .Concat(Properties.Values.Select(v => v?.ToString()))
        .Concat(Scopes.SelectMany(s => s.Values.Select(v => v?.ToString())))
        .Where(s => s is not null));

    public object? Property(string key) =>
        Properties.TryGetValue(key, out var v) ? v : Scopes.Select(s => s.TryGetValue(key, out var sv) ? sv : null).LastOrDefault(x => x is not null);
}

/// <summary>A logging provider that keeps every entry, for tests that assert what logs carry and what they never carry.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    public string AllText => string.Join("\n", Entries.Select(e => e.AllText));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<IReadOnlyDictionary<string, object?>>();
            var scopeText = new List<string>();
            provider._scopes.ForEachScope((scope, _) =>
            {
                scopeText.Add(scope?.ToString() ?? "");
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) scopes.Add(ToDictionary(pairs));
            }, (object?)null);
            var properties = state is IEnumerable<KeyValuePair<string, object?>> kv ? ToDictionary(kv) : new Dictionary<string, object?>();
            provider._entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), properties, scopes,
                scopeText.Count == 0 ? null : string.Join(" => ", scopeText), exception?.ToString()));
        }

        private static Dictionary<string, object?> ToDictionary(IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            var d = new Dictionary<string, object?>();
            foreach (var (k, v) in pairs) d[k] = v;
            return d;
        }
    }
}
