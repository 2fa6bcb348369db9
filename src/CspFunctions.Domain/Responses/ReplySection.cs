using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>One action's part of an email reply, with the status and RAG if the lead wrote them ("Status: complete", "RAG: amber").</summary>
public sealed record ReplySection(int ActionNumber, string Text, ProgressStatus? Status, Rag? Rag);
