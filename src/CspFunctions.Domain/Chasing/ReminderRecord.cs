namespace CspFunctions.Chasing;

/// <param name="Contact">The contact's e-mail address for one contact's send; null for the lead's summary of the stage and channel.</param>
public sealed record ReminderRecord(string LeadId, string StageId, string Channel, ReminderState State, DateTimeOffset At, string? Detail, string? Contact = null);
