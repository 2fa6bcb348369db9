using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CspFunctions.Reporting;

/// <summary>The report as a Word document in the seed's layout: one table, a header row repeated on every page,
/// a row spanning the table for each priority, one row per action. A4 landscape.</summary>
public static class WordReport
{
    public static readonly string[] Headers = ["No.", "Key actions and major projects", "Partnership Leads", "Linked document", "Progress"];
    public const string RestrictedMark = "Restricted";
    /// <summary>Column widths in twentieths of a point; they add up to the A4 landscape text width (16838 - 2 x 720).</summary>
    private static readonly int[] Widths = [900, 4700, 2400, 1900, 5498];
    private static readonly DateTime FixedZipTime = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Local);

    public static byte[] Render(PlanReport report)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
            var body = new Body();
            body.Append(Para(report.PlanName, style: "Heading1"));
            body.Append(Para($"Progress for {report.RoundId} ({report.PeriodLabel}).{(report.PublishedOn is { } p ? $" Published {p}." : " Draft: not yet published.")}"));
            if (report.IsManagerVersion) body.Append(Para("Manager's version: includes restricted actions, which the board version leaves out.", bold: true));
            foreach (var block in report.IntroductionBlocks) body.Append(Blocks([block]));

            body.Append(Para("Performance on a page", style: "Heading2"));
            body.Append(SummaryTable(report));
            body.Append(Para($"Direction of travel compares each action's RAG rating with {report.PreviousRoundId}."));

            body.Append(Para("Key actions and progress", style: "Heading2"));
            body.Append(PlanTable(report));
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 720, Bottom = 720, Left = 720, Right = 720, Header = 360, Footer = 360, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return Deterministic(buffer.ToArray());
    }

    private static Table PlanTable(PlanReport report)
    {
        var table = NewTable(Widths);
        table.Append(HeaderRow(Headers, Widths));
        foreach (var section in report.Sections)
        {
            var priorityCell = new TableCell(
                new TableCellProperties(new GridSpan { Val = Widths.Length }, new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3", Color = "auto" }),
                Para(section.Title, bold: true));
            table.Append(new TableRow(new TableRowProperties(new CantSplit()), priorityCell));
            foreach (var row in section.Rows)
            {
                var number = new List<OpenXmlElement> { Para(row.Ref) };
                if (row.Restricted) number.Add(Para(RestrictedMark, bold: true));
                var progress = new List<OpenXmlElement>();
                if (row.Progress is { } pr)
                {
                    progress.Add(Para(pr.Heading + (pr.ReceivedAfterPublication ? " · Received after publication" : ""), bold: true));
                    progress.AddRange(Blocks(pr.Blocks));
                }
                else progress.Add(Para(row.NoUpdateText, italic: true));
                var text = Blocks(row.TextBlocks).ToList();
                if (row.CarriedFrom is { } from) text.Add(Para("Carried forward from " + from, italic: true));
                table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                    Cell(Widths[0], number),
                    Cell(Widths[1], text),
                    Cell(Widths[2], row.Leads.Count == 0 ? [Para("")] : row.Leads.Select(l => Para(l))),
                    Cell(Widths[3], row.Documents.Count == 0 ? [Para("")] : row.Documents.Select(d => Para(d.Url is null ? d.Title : $"{d.Title} <{d.Url}>"))),
                    Cell(Widths[4], progress)));
            }
        }
        return table;
    }

    private static Table SummaryTable(PlanReport report)
    {
        var headers = new List<string> { "Priority", "Actions", "Received", "Outstanding" };
        headers.AddRange(report.Overall.ByRag.Select(c => c.Label));
        headers.AddRange(report.Overall.ByStatus.Select(c => c.Label));
        headers.AddRange(report.Overall.ByDirection.Select(c => c.Label));
        var first = 2598;
        var rest = (15398 - first) / (headers.Count - 1);
        var widths = new[] { first }.Concat(Enumerable.Repeat(rest, headers.Count - 1)).ToArray();
        var table = NewTable(widths);
        table.Append(HeaderRow(headers, widths));
        foreach (var s in report.Sections.Select(s => s.Summary).Append(report.Overall))
        {
            var values = new List<string> { s.Title, N(s.Actions), N(s.Received), N(s.Outstanding) };
            values.AddRange(s.ByRag.Select(c => N(c.Value)));
            values.AddRange(s.ByStatus.Select(c => N(c.Value)));
            values.AddRange(s.ByDirection.Select(c => N(c.Value)));
            table.Append(new TableRow(values.Select((v, i) => Cell(widths[i], [Para(v)]))));
        }
        return table;
        static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Table NewTable(int[] widths)
    {
        var border = () => new BorderType[] { new TopBorder(), new BottomBorder(), new LeftBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        var borders = new TableBorders();
        foreach (var b in border()) { b.Val = BorderValues.Single; b.Size = 4; b.Color = "666666"; borders.Append(b); }
        return new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) }, borders, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
    }

    private static TableRow HeaderRow(IEnumerable<string> headers, int[] widths)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        row.Append(headers.Select((h, i) => Cell(widths[i], [Para(h, bold: true)], shade: "E8EEF6")));
        return row;
    }

    private static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, string? shade = null)
    {
        var props = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (shade is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = shade, Color = "auto" });
        var cell = new TableCell(props);
        cell.Append(content);
        return cell;
    }

    private static IEnumerable<Paragraph> Blocks(IEnumerable<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.IsList)
            {
                foreach (var line in block.Lines) yield return Para("• " + line, indent: true);
            }
            else
            {
                // Lines of one paragraph stay one paragraph, joined by line breaks.
                var p = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "80" }));
                var run = new Run();
                for (var i = 0; i < block.Lines.Count; i++)
                {
                    if (i > 0) run.Append(new Break());
                    run.Append(new Text(block.Lines[i]) { Space = SpaceProcessingModeValues.Preserve });
                }
                p.Append(run);
                yield return p;
            }
        }
    }

    private static Paragraph Para(string text, string? style = null, bool bold = false, bool italic = false, bool indent = false)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        props.Append(new SpacingBetweenLines { After = "80" });
        if (indent) props.Append(new Indentation { Left = "284", Hanging = "170" });
        var run = new Run();
        if (bold || italic)
        {
            var rp = new RunProperties();
            if (bold) rp.Append(new Bold());
            if (italic) rp.Append(new Italic());
            run.Append(rp);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(props, run);
    }

    private static Styles Styles()
    {
        Style Heading(string id, string name, int size, int level) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "18" }, new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault()),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Heading1", "heading 1", 32, 0),
            Heading("Heading2", "heading 2", 26, 1));
    }

    /// <summary>The same report gives the same bytes: the package's zip entries get a fixed time and order,
    /// and relationship ids are renamed in order of appearance.</summary>
    private static byte[] Deterministic(byte[] package)
    {
        var entries = new List<(string Name, byte[] Data)>();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var e in source.Entries)
            {
                using var s = e.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                entries.Add((e.FullName, m.ToArray()));
            }
        }
        var ids = new Dictionary<string, string>();
        var pattern = new System.Text.RegularExpressions.Regex("\"(R[0-9a-f]{8,})\"");
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries.OrderBy(e => e.Name == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal))
            {
                var bytes = data;
                if (name.EndsWith(".rels", StringComparison.Ordinal) || name.EndsWith(".xml", StringComparison.Ordinal))
                {
                    var xml = System.Text.Encoding.UTF8.GetString(data);
                    var renamed = pattern.Replace(xml, m => "\"" + (ids.TryGetValue(m.Groups[1].Value, out var id) ? id : ids[m.Groups[1].Value] = "rId" + (ids.Count + 1)) + "\"");
                    if (!ReferenceEquals(renamed, xml)) bytes = System.Text.Encoding.UTF8.GetBytes(renamed);
                }
                var entry = target.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedZipTime;
                using var s = entry.Open();
                s.Write(bytes);
            }
        }
        return output.ToArray();
    }
}
