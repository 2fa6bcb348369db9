using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Workbench;

/// <summary>One action on the round page: the action, its latest update this round (null: not answered) and last quarter's.</summary>
public sealed record RoundRow(PlanAction Action, ProgressUpdate? Latest, ProgressUpdate? LastQuarter = null)
{
    public bool Answered => Latest is not null;
}
