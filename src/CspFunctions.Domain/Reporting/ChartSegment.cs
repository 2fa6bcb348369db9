using System.Globalization;

namespace CspFunctions.Reporting;

public sealed record ChartSegment(string Key, string Label, int Value, string X, string Width, string TextX);
