using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Reporting;

/// <summary>One lead's position in a round, for the manager's round page.</summary>
public sealed record LeadStatus(string LeadId, string LeadName, IReadOnlyList<int> Actions, IReadOnlyList<int> Answered, int RemindersSent,
    DateTimeOffset? LastReminder, IReadOnlyList<ContactIssue> Bounces)
{
    public IReadOnlyList<int> Outstanding => Actions.Except(Answered).ToList();
}
