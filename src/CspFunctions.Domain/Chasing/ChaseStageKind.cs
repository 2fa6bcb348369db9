namespace CspFunctions.Chasing;

public enum ChaseStageKind { Opening, Reminder, DueDay, Overdue, Escalation }
