namespace CspFunctions.Import;

/// <summary>One paragraph of a table cell as the file holds it: its text (soft line breaks as '\n'), whether it is a list item
/// (Word numbering with a bullet format), and the addresses of any hyperlinks in it.</summary>
public sealed record CellParagraph(string Text, bool Bullet = false, IReadOnlyList<string>? Urls = null, string? ListMark = null)
{
    public IReadOnlyList<string> Links => Urls ?? [];
}
