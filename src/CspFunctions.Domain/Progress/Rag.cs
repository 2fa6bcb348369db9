namespace CspFunctions.Progress;

/// <summary>NotGiven: imported progress that came without a RAG rating.</summary>
public enum Rag { Red, Amber, Green, NotGiven }
