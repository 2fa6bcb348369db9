namespace CspFunctions.Progress;

/// <summary>NotGiven: a plan file's progress came without a status, which is stored as such rather than guessed from its words.</summary>
public enum ProgressStatus { NotStarted, OnTrack, AtRisk, OffTrack, Complete, CarriedForward, NotGiven }
