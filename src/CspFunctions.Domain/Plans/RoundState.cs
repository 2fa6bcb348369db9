namespace CspFunctions.Plans;

public enum RoundState { Open, Closed, Published }
