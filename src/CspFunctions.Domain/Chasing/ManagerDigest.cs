using CspFunctions.Plans;

namespace CspFunctions.Chasing;

/// <summary>The weekly summary for a plan's managers of who still owes updates in the open round.</summary>
public sealed record ManagerDigest(
    string PlanId,
    string RoundId,
    DateOnly Date,
    DateOnly DueDate,
    int ActionCount,
    int AnsweredCount,
    IReadOnlyList<OutstandingLead> Outstanding,
    IReadOnlyList<ChaseWarning> Warnings,
    IReadOnlyList<Contact> Recipients)
{
    public bool IsOverdue => Date > DueDate;
}
