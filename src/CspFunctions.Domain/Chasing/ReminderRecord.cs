namespace CspFunctions.Chasing;

public sealed record ReminderRecord(string LeadId, string StageId, string Channel, ReminderState State, DateTimeOffset At, string? Detail);
