using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

/// <summary>A plan as stored, with its rounds and the version tag that guards concurrent changes.</summary>
public sealed record StoredPlan(Plan Plan, IReadOnlyList<ReportingRound> Rounds, string ETag, int Revision, IReadOnlyDictionary<string, string> RoundETags)
{
    /// <summary>Every stored row of the plan by row key ("plan", "lead|{id}", "action|{number:D5}", "retired|{number:D5}").</summary>
    public IReadOnlyDictionary<string, StoredRow> Rows { get; init; } = new Dictionary<string, StoredRow>();

    public ReportingRound? FindRound(string roundId) => Rounds.FirstOrDefault(r => r.Id == roundId);
}
