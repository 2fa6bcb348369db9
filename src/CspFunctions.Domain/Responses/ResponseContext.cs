using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>Everything one contact may see and answer through their link: their lead's actions in the round,
/// this round's latest update of each and last quarter's.</summary>
public sealed record ResponseContext(
    LinkClaims Claims,
    Plan Plan,
    ReportingRound Round,
    Lead Lead,
    Contact Contact,
    IReadOnlyList<PlanAction> Actions,
    IReadOnlyDictionary<int, ProgressUpdate> Current,
    IReadOnlyDictionary<int, ProgressUpdate> LastQuarter)
{
    /// <summary>This lead's email replies in the round whose text could not be placed on an action.</summary>
    public IReadOnlyList<InboundMessage> Unplaced { get; init; } = [];
}
