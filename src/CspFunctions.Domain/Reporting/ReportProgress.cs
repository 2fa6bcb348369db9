using CspFunctions.Progress;

namespace CspFunctions.Reporting;

public sealed record ReportProgress(
    ProgressStatus Status,
    Rag Rag,
    string Text,
    string GivenBy,
    string GivenOn,
    bool ReceivedAfterPublication,
    Direction Direction)
{
    public string StatusWord => Status.Display();
    public string RagWord => Rag.Display();
    public string RagClass => "rag-" + Rag.ToString().ToLowerInvariant();
    public string DirectionWord => Direction.Display();
    public IReadOnlyList<TextBlock> Blocks => TextBlocks.Parse(Text);
    /// <summary>The first line of the progress cell: "Complete · RAG Green".</summary>
    public string Heading => Status == ProgressStatus.NotGiven && Rag == Rag.NotGiven ? StatusWord
        : $"{StatusWord} · {(Rag == Rag.NotGiven ? RagWord : "RAG " + RagWord)}";
}
