using CspFunctions.Plans;

namespace CspFunctions.Chasing;

/// <summary>What one sweep should send, and what it could not send and why.</summary>
public sealed record ChasePlan(IReadOnlyList<LeadChase> Due, IReadOnlyList<ChaseWarning> Warnings)
{
    public static ChasePlan Nothing { get; } = new([], []);
}

/// <summary>One message to one lead for one stage, listing every action the lead still owes this round.</summary>
/// <param name="CopyTo">Only for an escalation: the plan's managers and the deputy lead's contacts.</param>
public sealed record LeadChase(
    string LeadId,
    ChaseStageKey Stage,
    IReadOnlyList<int> ActionNumbers,
    IReadOnlyList<Contact> Recipients,
    IReadOnlyList<Contact> CopyTo);

/// <summary>A plan problem that stopped or narrowed a chase. <see cref="LeadId"/> is null for plan-wide problems.</summary>
public sealed record ChaseWarning(string? LeadId, string Message, int? ActionNumber = null)
{
    public override string ToString() => LeadId is null ? Message : $"lead '{LeadId}' {Message}";
}
