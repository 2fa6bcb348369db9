using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

/// <summary>A plan as stored, with its rounds and the version tag that guards concurrent changes.</summary>
public sealed record StoredPlan(Plan Plan, IReadOnlyList<ReportingRound> Rounds, string ETag, int Revision, IReadOnlyDictionary<string, string> RoundETags)
{
    public ReportingRound? FindRound(string roundId) => Rounds.FirstOrDefault(r => r.Id == roundId);
}
