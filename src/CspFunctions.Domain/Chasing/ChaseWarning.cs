using CspFunctions.Plans;

namespace CspFunctions.Chasing;

/// <summary>A plan problem that stopped or narrowed a chase. <see cref="LeadId"/> is null for plan-wide problems.</summary>
public sealed record ChaseWarning(string? LeadId, string Message, int? ActionNumber = null)
{
    public override string ToString() => LeadId is null ? Message : $"lead '{LeadId}' {Message}";
}
