using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Workbench;

/// <summary>An action and every version of its update in every round of the plan, oldest round first.</summary>
public sealed record ActionHistory(PlanAction Action, bool Retired, IReadOnlyList<ProgressUpdate> Versions);
