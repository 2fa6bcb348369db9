using CspFunctions.Plans;

namespace CspFunctions.Chasing;

public sealed record OutstandingLead(string LeadId, string LeadName, IReadOnlyList<int> ActionNumbers);
