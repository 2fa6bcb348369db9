namespace CspFunctions.Progress;

public enum Rag { Red, Amber, Green }
