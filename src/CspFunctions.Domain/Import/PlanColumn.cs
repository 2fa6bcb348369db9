namespace CspFunctions.Import;

/// <summary>What a column of a plan table means.</summary>
public enum PlanColumn { Number, Action, Priority, Leads, LeadEmail, Documents, Progress, Status, Rag, Restricted, Round }
