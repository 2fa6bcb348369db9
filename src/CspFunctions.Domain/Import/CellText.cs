using System.Text;
using System.Text.RegularExpressions;
using CspFunctions.Reporting;

namespace CspFunctions.Import;

/// <summary>Cell text as the plan stores it: NFC, paragraphs separated by a blank line, list items (Word bullets, or typed
/// "•", "-", "–" bullets) as "- " lines, empty paragraphs dropped, every other character kept as written.</summary>
public static partial class CellText
{
    private static readonly string[] TypedBullets = ["•", "·", "▪", "●", "◦", "‣", "-", "–", "—", "*"];

    /// <summary>The text in NFC. Characters below U+0300 (ASCII, £, accented Latin letters already composed) are unchanged by NFC
    /// and never combine with their neighbours, so text made only of them is returned without asking ICU (a call per string);
    /// anything else (combining marks, dashes, curly quotes, non-Latin scripts) is checked as before.</summary>
    public static string Nfc(string text) =>
        text.AsSpan().IndexOfAnyInRange('\u0300', '\uFFFF') < 0 || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>All whitespace (line breaks, tabs, non-breaking spaces) as single spaces, trimmed.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        // Most cells are one line already (single spaces, nothing to trim): returned as they are, without a copy.
        if (text[0] != ' ' && text[^1] != ' ' && text.AsSpan().IndexOfAny(OtherSpaces) < 0 && !text.Contains("  ", StringComparison.Ordinal)) return Nfc(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B') { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return Nfc(sb.ToString());
    }

    /// <summary>Excel and CSV text: each line a paragraph (a blank line ends a paragraph, so consecutive lines stay one
    /// paragraph with its line breaks); typed bullets are found later, as in Word.</summary>
    public static IReadOnlyList<CellParagraph> LinesToParagraphs(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? [new CellParagraph(text)]
            : text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => new CellParagraph(l)).ToList();

    /// <summary>The typed bullet a line starts with removed, or null when it is not a bullet line.</summary>
    public static string? TypedBullet(string line)
    {
        var t = line.TrimStart();
        foreach (var mark in TypedBullets)
        {
            if (!t.StartsWith(mark, StringComparison.Ordinal)) continue;
            var rest = t[mark.Length..];
            // "-5% in a year" and "--" are not bullets: a bullet mark is followed by a space (or tab) and some text.
            if (rest.Length > 1 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\u00A0') && rest.Trim().Length > 0) return rest.Trim();
            if (mark is "•" or "▪" or "●" or "◦" or "‣" && rest.Trim().Length > 0) return rest.Trim();
        }
        return null;
    }

    /// <summary>Plain text of a cell. <paramref name="linesRunOn"/>: Excel/CSV lines, where consecutive lines are one paragraph
    /// until a blank line; otherwise Word paragraphs, each its own block.</summary>
    public static string Block(IReadOnlyList<CellParagraph> paragraphs, bool linesRunOn)
    {
        var blocks = new List<TextBlock>();
        List<string>? lines = null;
        var numbered = false;
        foreach (var p in paragraphs)
        {
            // A Word paragraph is a block of its own, except that numbered items run on as the lines of one block.
            if (!linesRunOn && !(numbered && p.ListMark is not null)) Close();
            numbered = p.ListMark is not null;
            // A Word paragraph's soft line breaks become lines of it; an Excel line is its own line already.
            var continued = false;
            foreach (var raw in p.Text.Split('\n'))
            {
                var line = Tidy(raw);
                if (line.Length == 0) { Close(); continue; }
                var bullet = p.Bullet ? (TypedBullet(line) ?? line) : TypedBullet(line);
                if (bullet is not null)
                {
                    Close();
                    if (blocks.Count > 0 && blocks[^1].IsList) blocks[^1] = blocks[^1] with { Lines = [.. blocks[^1].Lines, bullet] };
                    else blocks.Add(new TextBlock(TextBlockKind.BulletList, [bullet]));
                    continue;
                }
                lines ??= [];
                lines.Add(p.ListMark is { } mark && !continued ? mark + " " + line : line);
                continued = true;
            }
        }
        Close();
        return Nfc(TextBlocks.ToPlainText(blocks));

        void Close()
        {
            if (lines is { Count: > 0 }) blocks.Add(new TextBlock(TextBlockKind.Paragraph, lines));
            lines = null;
        }
    }

    /// <summary>Tabs and runs of spaces inside a line become one space; the line is trimmed; NFC.</summary>
    public static string Tidy(string line) =>
        line.AsSpan().IndexOfAny(Untidy) < 0 && !line.Contains("  ", StringComparison.Ordinal) ? Nfc(line.Trim())
            : Nfc(Spaces().Replace(line.Replace('\u00A0', ' ').Replace("\u200B", ""), " ").Trim());

    /// <summary>What <see cref="OneLine"/> turns into a space besides the space itself: every other whitespace character and U+200B.</summary>
    private static readonly System.Buffers.SearchValues<char> OtherSpaces = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && (char.IsWhiteSpace(c) || c == '\u200B')).ToArray());

    private static readonly System.Buffers.SearchValues<char> Untidy = System.Buffers.SearchValues.Create("\t\u00A0\u200B");

    [GeneratedRegex("[ \t]{2,}|\t")]
    private static partial Regex Spaces();
}
