using CspFunctions.Plans;

namespace CspFunctions.Chasing;

/// <summary>What one sweep should send, and what it could not send and why.</summary>
public sealed record ChasePlan(IReadOnlyList<LeadChase> Due, IReadOnlyList<ChaseWarning> Warnings)
{
    public static ChasePlan Nothing { get; } = new([], []);
}
