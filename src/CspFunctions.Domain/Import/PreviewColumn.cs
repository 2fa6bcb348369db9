namespace CspFunctions.Import;

/// <summary>A file column on the preview: its letter or position, its header, and its meaning (null: ignored).</summary>
public sealed record PreviewColumn(string Label, string Header, string? Meaning);
