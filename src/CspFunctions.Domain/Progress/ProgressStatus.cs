namespace CspFunctions.Progress;

public enum ProgressStatus { NotStarted, OnTrack, AtRisk, OffTrack, Complete, CarriedForward }
