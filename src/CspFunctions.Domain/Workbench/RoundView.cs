using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>One round as its page shows it: per lead who has answered, and per action the latest answer beside last quarter's.</summary>
public sealed record RoundView(StoredPlan Stored, ReportInputs Inputs, IReadOnlyList<ContactIssue> Issues, Publication? Publication)
{
    public Plan Plan => Stored.Plan;
    public ReportingRound Round => Inputs.Round;

    public IReadOnlyList<LeadStatus> Leads() => RoundStatus.Of(Plan, Inputs.Updates, Inputs.Chases, Issues);

    public IReadOnlyList<RoundRow> Rows(RoundFilter filter) => filter.Apply(Plan, Inputs.Updates.Latest(), Inputs.PreviousUpdates.Latest());
}
