using CspFunctions.Reporting;

namespace CspFunctions.Import;

/// <summary>One action on the preview, as it will be stored: reference, priority, text, leads, documents and its update.</summary>
public sealed record PreviewAction(string Ref, string Priority, List<TextBlock> Text, List<string> Leads, List<string> Documents, bool Restricted,
    string? UpdateHeading, List<TextBlock>? UpdateText);
