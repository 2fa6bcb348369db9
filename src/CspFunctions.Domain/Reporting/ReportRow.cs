using CspFunctions.Progress;

namespace CspFunctions.Reporting;

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
    /// <summary>The reference as the plan writes it ("1.2", "3a"); <see cref="Number"/> is the key its progress is stored under.</summary>
    public string Ref { get; init; } = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
