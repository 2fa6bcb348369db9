using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>The lead page: the lead, its actions, and per round the reminders sent, the answers given and the mail received.</summary>
public sealed record LeadRecord(Plan Plan, Lead Lead, IReadOnlyList<PlanAction> Actions, IReadOnlyList<ReportingRound> Rounds,
    IReadOnlyList<ReminderRecord> Reminders, IReadOnlyList<ProgressUpdate> Answers, IReadOnlyList<InboundMessage> Mail)
{
    /// <summary>Round of each reminder (the records do not carry it).</summary>
    public IReadOnlyDictionary<ReminderRecord, string> ReminderRounds { get; init; } = new Dictionary<ReminderRecord, string>();
}
