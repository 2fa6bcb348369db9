using System.Globalization;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>What the form posted for one action. <see cref="BaseVersion"/> is the version the page showed.</summary>
public sealed record ActionAnswer(int ActionNumber, ProgressStatus? Status, Rag? Rag, string Text, bool Unchanged, int BaseVersion)
{
    public bool IsEmpty => Status is null && Rag is null && Text.Trim().Length == 0 && !Unchanged;
}
