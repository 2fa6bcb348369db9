using CspFunctions.Progress;

namespace CspFunctions.Reporting;

/// <summary>Everything a report shows, in plan order, already decided: the templates and writers only lay it out.</summary>
public sealed record PlanReport(
    string PlanId,
    string PlanName,
    string? Introduction,
    string RoundId,
    string PeriodLabel,
    string PreviousRoundId,
    ReportAudience Audience,
    string? PublishedOn,
    PerformanceSummary Overall,
    IReadOnlyList<ReportSection> Sections)
{
    public IReadOnlyList<TextBlock> IntroductionBlocks => TextBlocks.Parse(Introduction);
    public bool IsManagerVersion => Audience == ReportAudience.Manager;
    public IEnumerable<ReportRow> Rows => Sections.SelectMany(s => s.Rows);
}

public sealed record ReportSection(string PriorityId, string Title, PerformanceSummary Summary, IReadOnlyList<ReportRow> Rows);

public sealed record ReportRow(
    int Number,
    string Text,
    IReadOnlyList<string> Leads,
    IReadOnlyList<ReportDocument> Documents,
    bool Restricted,
    ReportProgress? Progress,
    string? ChasedOn,
    string? CarriedFrom)
{
    public IReadOnlyList<TextBlock> TextBlocks => Reporting.TextBlocks.Parse(Text);
    public bool HasUpdate => Progress is not null;
    public bool HasDocuments => Documents.Count > 0;

    // The progress cell's parts, each one step from the row: the HTML template reads them for every row, and with
    // thousands of rows every step through an object is a template-engine lookup that shows (docs/reporting.md).
    public string? StatusWord => Progress?.StatusWord;
    public string? RagWord => Progress?.RagWord;
    public string? RagClass => Progress?.RagClass;
    public string? DirectionWord => Progress?.DirectionWord;
    public bool ReceivedAfterPublication => Progress?.ReceivedAfterPublication == true;
    public IReadOnlyList<TextBlock>? ProgressBlocks => Progress?.Blocks;
    public string? GivenBy => Progress?.GivenBy;
    public string? GivenOn => Progress?.GivenOn;
    /// <summary>"No update received", with when the lead was last chased if they were.</summary>
    public string NoUpdateText => ChasedOn is null ? "No update received" : $"No update received (last chased {ChasedOn})";
}

public sealed record ReportDocument(string Title, string? Url);

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
    public string RagWord => Rag.ToString();
    public string RagClass => "rag-" + Rag.ToString().ToLowerInvariant();
    public string DirectionWord => Direction.Display();
    public IReadOnlyList<TextBlock> Blocks => TextBlocks.Parse(Text);
    /// <summary>The first line of the progress cell: "Complete · RAG Green".</summary>
    public string Heading => $"{StatusWord} · RAG {RagWord}";
}
