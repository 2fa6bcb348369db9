namespace CspFunctions.Reporting;

/// <summary>Splits plain text into paragraphs (separated by blank lines) and bullet lists (lines starting "- ", "* " or "• ").</summary>
public static class TextBlocks
{
    private static readonly string[] BulletMarks = ["- ", "* ", "• ", "– "];

    public static IReadOnlyList<TextBlock> Parse(string? text)
    {
        var blocks = new List<TextBlock>();
        if (string.IsNullOrWhiteSpace(text)) return blocks;
        List<string>? current = null;
        var currentKind = TextBlockKind.Paragraph;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) { Close(); continue; }
            var bullet = BulletText(line);
            var kind = bullet is null ? TextBlockKind.Paragraph : TextBlockKind.BulletList;
            if (current is not null && kind != currentKind) Close();
            current ??= [];
            currentKind = kind;
            current.Add(bullet ?? line);
        }
        Close();
        return blocks;

        void Close()
        {
            if (current is { Count: > 0 }) blocks.Add(new TextBlock(currentKind, current));
            current = null;
        }
    }

    /// <summary>Back to the plain-text form the importers read ("- " bullets, blank lines between blocks).</summary>
    public static string ToPlainText(IEnumerable<TextBlock> blocks) =>
        string.Join("\n\n", blocks.Select(b => string.Join('\n', b.IsList ? b.Lines.Select(l => "- " + l) : b.Lines)));

    public static string? BulletText(string line)
    {
        foreach (var mark in BulletMarks)
            if (line.StartsWith(mark, StringComparison.Ordinal)) return line[mark.Length..].Trim();
        return null;
    }
}
