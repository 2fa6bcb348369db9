using CspFunctions.Progress;

namespace CspFunctions.Reporting;

public sealed record ReportSection(string PriorityId, string Title, PerformanceSummary Summary, IReadOnlyList<ReportRow> Rows);
