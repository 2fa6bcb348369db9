using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>The update a reply gives one action: the text to store, and the status and RAG where the lead wrote them (or,
/// for a carried-forward "no change", last quarter's).</summary>
public sealed record ActionReply(int ActionNumber, string Text, ProgressStatus? Status, Rag? Rag, CarryForward NoChange = CarryForward.None);
