using System.Diagnostics;

namespace CspFunctions.Bench;

/// <summary>
/// Times a piece of work against its baseline in alternating batches (work then baseline, then baseline then work), so a
/// change of load on this shared machine falls on both sides alike instead of on whichever ran during it. Each round gives
/// both sides' time per call and the round's ratio; the figures are medians over the rounds.
/// </summary>
public static class InterleavedRounds
{
    public sealed record Result(double WorkMs, double BaselineMs, double RatioMedian, double RatioLowQuartile, double RatioHighQuartile, int Rounds, int CallsPerBatch);

    public static Result Measure(Func<int> work, Func<int> baseline, TimeSpan warmUp, TimeSpan duration)
    {
        var sink = 0;
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < warmUp) sink += work() + baseline();

        // A batch of the work takes about 2 ms, well above the timer's resolution and short enough for many rounds.
        var probe = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) sink += work();
        var callsPerBatch = Math.Clamp((int)(2.0 / Math.Max(probe.Elapsed.TotalMilliseconds / 10, 1e-4)), 1, 10_000);

        var works = new List<double>();
        var baselines = new List<double>();
        var ratios = new List<double>();
        var elapsed = Stopwatch.StartNew();
        for (var round = 0; round < 31 || elapsed.Elapsed < duration; round++)
        {
            double w, b;
            if (round % 2 == 0) { w = Batch(work); b = Batch(baseline); }
            else { b = Batch(baseline); w = Batch(work); }
            works.Add(w / callsPerBatch);
            baselines.Add(b / callsPerBatch);
            ratios.Add(w / b);
        }
        GC.KeepAlive(sink);
        return new Result(Quantile(works, 0.5), Quantile(baselines, 0.5), Quantile(ratios, 0.5), Quantile(ratios, 0.25), Quantile(ratios, 0.75), ratios.Count, callsPerBatch);

        double Batch(Func<int> call)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < callsPerBatch; i++) sink += call();
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }
}
