namespace CspFunctions.Chasing;

public enum ReminderState { Claimed, Sent, Failed, Refused, Skipped }
