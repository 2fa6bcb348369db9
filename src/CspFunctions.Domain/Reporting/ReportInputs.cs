using System.Globalization;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Reporting;

/// <summary>What the report needs, read from storage: the plan, the round, this and last quarter's updates, the chasing log.</summary>
public sealed record ReportInputs(
    Plan Plan,
    ReportingRound Round,
    IReadOnlyList<ProgressUpdate> Updates,
    IReadOnlyList<ProgressUpdate> PreviousUpdates,
    IReadOnlyList<ChaseRecord> Chases,
    DateTimeOffset? PublishedAt);
