using CspFunctions.Progress;

namespace CspFunctions.Workbench;

/// <summary>Text placed on one action, as the manager edited it. <see cref="BaseVersion"/> is the action's latest
/// version when the page was shown (0 for none).</summary>
public sealed record ReplyPlacement(int ActionNumber, string Text, ProgressStatus Status, Rag Rag, int BaseVersion);
