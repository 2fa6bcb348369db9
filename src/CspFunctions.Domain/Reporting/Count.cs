using CspFunctions.Progress;

namespace CspFunctions.Reporting;

public sealed record Count(string Label, int Value, string Key);
