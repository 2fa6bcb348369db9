using CspFunctions.Progress;

namespace CspFunctions.Reporting;

/// <summary>Direction of travel of an action's RAG rating against the previous quarter.</summary>
public enum Direction { New, Improved, Same, Worse }
