namespace CspFunctions.Workbench;

/// <summary>One decision about a waiting reply, recorded on the message.</summary>
public sealed record ReplyHandling(ReplyHandlingKind Kind, string By, DateTimeOffset At, string Note, IReadOnlyList<int> Actions);
