using System.Globalization;

namespace CspFunctions.Reporting;

public sealed record ChartBar(string Label, string Y, string TextY, int Total, IReadOnlyList<ChartSegment> Segments);
