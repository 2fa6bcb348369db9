namespace CspFunctions.Reporting;

/// <summary>A paragraph (its lines) or a bullet list (its items), as a progress or action text is written.</summary>
public sealed record TextBlock(TextBlockKind Kind, IReadOnlyList<string> Lines)
{
    public bool IsList => Kind == TextBlockKind.BulletList;
}
