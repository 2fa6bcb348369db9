using CspFunctions.Plans;

namespace CspFunctions.Chasing;

/// <summary>One message to one lead for one stage, listing every action the lead still owes this round.</summary>
/// <param name="CopyTo">Only for an escalation: the plan's managers and the deputy lead's contacts.</param>
public sealed record LeadChase(
    string LeadId,
    ChaseStageKey Stage,
    IReadOnlyList<int> ActionNumbers,
    IReadOnlyList<Contact> Recipients,
    IReadOnlyList<Contact> CopyTo);
