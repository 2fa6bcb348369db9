using CspFunctions.Progress;

namespace CspFunctions.Reporting;

public sealed record ReportDocument(string Title, string? Url);
