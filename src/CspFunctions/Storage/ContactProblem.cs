using Azure.Data.Tables;
using CspFunctions.Setup;

namespace CspFunctions.Storage;

public sealed record ContactProblem(string PlanId, string Email, string Kind, string? Reason, DateTimeOffset At, string? LeadId);
