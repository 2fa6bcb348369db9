using System.Diagnostics.Metrics;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>Collects every measurement of one meter instance (so parallel tests' meters never mix in).</summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];

    public MeterRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, l) => { if (ReferenceEquals(instrument.Meter, meter)) l.EnableMeasurementEvents(instrument); };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (_measurements) _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        });
        _listener.Start();
    }

    public IReadOnlyList<(string Instrument, long Value, Dictionary<string, object?> Tags)> Measurements
    {
        get { lock (_measurements) return _measurements.ToList(); }
    }

    public long Sum(string instrument, Func<Dictionary<string, object?>, bool>? where = null) =>
        Measurements.Where(m => m.Instrument == instrument && (where?.Invoke(m.Tags) ?? true)).Sum(m => m.Value);

    /// <summary>Each distinct value of one tag with the sum counted under it, e.g. stage -> count.</summary>
    public Dictionary<string, long> ByTag(string instrument, string tag) =>
        Measurements.Where(m => m.Instrument == instrument).GroupBy(m => m.Tags.TryGetValue(tag, out var v) ? v?.ToString() ?? "" : "")
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

    public void Dispose() => _listener.Dispose();
}
