using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Workbench;

/// <summary>One action on the round page: the action and its latest update this round (null: not answered).</summary>
public sealed record RoundRow(PlanAction Action, ProgressUpdate? Latest)
{
    public bool Answered => Latest is not null;
}
