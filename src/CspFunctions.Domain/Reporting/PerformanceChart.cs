using System.Globalization;

namespace CspFunctions.Reporting;

/// <summary>A horizontal stacked bar per priority (and overall) of RAG ratings and missing updates, laid out for inline SVG.
/// Coordinates are formatted here so the template only places them.</summary>
public sealed record PerformanceChart(string Height, IReadOnlyList<ChartBar> Bars, string Description)
{
    public const int LabelWidth = 300;
    public const int BarWidth = 560;
    private const int RowHeight = 34;

    public static PerformanceChart For(PlanReport report)
    {
        var bars = new List<ChartBar>();
        var summaries = report.Sections.Select(s => s.Summary).Append(report.Overall).ToList();
        for (var i = 0; i < summaries.Count; i++)
        {
            var s = summaries[i];
            var parts = new (string Key, string Label, int Value)[]
            {
                ("green", "Green", s.RagCount(Progress.Rag.Green)),
                ("amber", "Amber", s.RagCount(Progress.Rag.Amber)),
                ("red", "Red", s.RagCount(Progress.Rag.Red)),
                ("none", "No update", s.Outstanding),
            };
            var x = (double)LabelWidth;
            var segments = new List<ChartSegment>();
            foreach (var (key, label, value) in parts)
            {
                if (value == 0) continue;
                var width = s.Actions == 0 ? 0 : BarWidth * (double)value / s.Actions;
                segments.Add(new ChartSegment(key, label, value, F(x), F(width), F(x + width / 2)));
                x += width;
            }
            bars.Add(new ChartBar(s.Title, F(i * RowHeight + 8), F(i * RowHeight + 27), s.Actions, segments));
        }
        var description = string.Join(" ", summaries.Select(s =>
            $"{s.Title}: {s.Actions} actions, {s.RagCount(Progress.Rag.Green)} green, {s.RagCount(Progress.Rag.Amber)} amber, {s.RagCount(Progress.Rag.Red)} red, {s.Outstanding} without an update."));
        return new PerformanceChart(F(summaries.Count * RowHeight + 10), bars, description);
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
