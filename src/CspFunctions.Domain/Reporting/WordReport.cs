using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CspFunctions.Reporting;

/// <summary>The report as a Word document in the seed's layout: one table, a header row repeated on every page,
/// a row spanning the table for each priority, one row per action. A4 landscape. Before it, "performance on a page": the
/// chart and two summary tables, split so that every header fits its column without breaking a word.</summary>
public static class WordReport
{
    public static readonly string[] Headers = ["No.", "Key actions and major projects", "Partnership Leads", "Linked document", "Progress"];
    public const string RestrictedMark = "Restricted";
    public const string ChartTitle = "RAG ratings and missing updates by priority";
    public static readonly string[] SummaryCaptions = ["Updates received and RAG ratings, by priority", "Status and direction of travel, by priority"];
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
            body.Append(WordChart.Paragraph(main, PerformanceChart.For(report), ChartTitle));
            body.Append(Para("Key: green, amber and red are RAG ratings; grey is actions without an update. The tables below give the same figures.", italic: true));
            var headers = SummaryHeaders(report);
            var columns = SummaryColumns(report.Overall);
            for (var t = 0; t < SummaryCaptions.Length; t++)
            {
                body.Append(Para(SummaryCaptions[t], bold: true, keepNext: true));
                body.Append(SummaryTable(report, SummaryCaptions[t], headers[t], t == 0 ? FirstSummaryWidths : SecondSummaryWidths, s => SummaryColumns(s)[t]));
            }
            body.Append(Para($"Direction of travel compares each action's RAG rating with {report.PreviousRoundId}."));

            // The heading is kept with the table's first rows (keep with next on the heading, the header row and each priority's row).
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
                Para(section.Title, bold: true, keepNext: true));
            table.Append(new TableRow(new TableRowProperties(new CantSplit()), priorityCell));
            foreach (var row in section.Rows)
            {
                var number = new List<OpenXmlElement> { Para(row.Ref) };
                if (row.Restricted) number.Add(Para(RestrictedMark, bold: true));
                var progress = new List<OpenXmlElement>();
                if (row.Progress is { } pr)
                {
                    progress.Add(ProgressHeading(pr));
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

    /// <summary>The header rows of the two summary tables. The first holds the counts and RAG ratings, the second the
    /// statuses and directions of travel: eleven columns at most, so "Outstanding" and "Carried forward" fit whole.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SummaryHeaders(PlanReport report) =>
        SummaryColumns(report.Overall).Select(t => (IReadOnlyList<string>)t.Select(c => c.Label).Prepend("Priority").ToList()).ToList();

    private static IReadOnlyList<Count>[] SummaryColumns(PerformanceSummary s) =>
    [
        [new("Actions", s.Actions, "actions"), new("Updates received", s.Received, "received"), new("Outstanding", s.Outstanding, "outstanding"), .. s.ByRag],
        [.. s.ByStatus, .. s.ByDirection],
    ];

    // The priority column is wide enough for a title in two or three lines; the rest share the text width (15398).
    private static readonly int[] FirstSummaryWidths = [4598, 1800, 1800, 1800, 1800, 1800, 1800];
    private static readonly int[] SecondSummaryWidths = [3398, 1200, 1200, 1200, 1200, 1200, 1200, 1200, 1200, 1200, 1200];

    private static Table SummaryTable(PlanReport report, string caption, IReadOnlyList<string> headers, int[] widths, Func<PerformanceSummary, IReadOnlyList<Count>> columns)
    {
        if (headers.Count != widths.Length) throw new InvalidOperationException($"{caption}: {headers.Count} headers for {widths.Length} columns");
        var table = NewTable(widths, caption);
        table.Append(HeaderRow(headers, widths, figures: true));
        var summaries = report.Sections.Select(s => s.Summary).Append(report.Overall).ToList();
        foreach (var s in summaries)
        {
            var values = columns(s).Select(c => c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Prepend(s.Title).ToList();
            // A table of a few rows stays on one page: every row but the last keeps with the next.
            var keep = !ReferenceEquals(s, summaries[^1]);
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            row.Append(values.Select((v, i) => Cell(widths[i], [Para(v, bold: i == 0, keepNext: keep, right: i > 0)])));
            table.Append(row);
        }
        return table;
    }

    /// <summary>"Complete · RAG Green": the status in bold, then the RAG rating as a shaded tag that carries its word, so
    /// the colour is never the only sign. The cell's text stays the heading's text, which the plan importer reads back.</summary>
    private static Paragraph ProgressHeading(ReportProgress progress)
    {
        var p = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "80" }));
        if (progress.Status == Progress.ProgressStatus.NotGiven && progress.Rag == Progress.Rag.NotGiven)
            p.Append(BoldRun(progress.StatusWord));
        else
        {
            p.Append(BoldRun(progress.StatusWord + " · "));
            var (fill, colour) = progress.Rag switch
            {
                Progress.Rag.Red => ("B00020", "FFFFFF"),
                Progress.Rag.Amber => ("FFDD00", "0B0C0C"),
                Progress.Rag.Green => ("00703C", "FFFFFF"),
                _ => ("E8E8E8", "0B0C0C"),
            };
            p.Append(new Run(new RunProperties(new Bold(), new Color { Val = colour }, new Shading { Val = ShadingPatternValues.Clear, Fill = fill, Color = "auto" }),
                new Text(progress.Rag == Progress.Rag.NotGiven ? progress.RagWord : "RAG " + progress.RagWord) { Space = SpaceProcessingModeValues.Preserve }));
        }
        if (progress.ReceivedAfterPublication) p.Append(BoldRun(" · Received after publication"));
        return p;

        static Run BoldRun(string text) => new(new RunProperties(new Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table NewTable(int[] widths, string? caption = null)
    {
        var border = () => new BorderType[] { new TopBorder(), new BottomBorder(), new LeftBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        var borders = new TableBorders();
        foreach (var b in border()) { b.Val = BorderValues.Single; b.Size = 4; b.Color = "666666"; borders.Append(b); }
        var props = new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) }, borders, new TableLayout { Type = TableLayoutValues.Fixed });
        if (caption is not null) props.Append(new TableCaption { Val = caption });
        return new Table(
            props,
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
    }

    /// <summary>The header row, repeated on every page; with <paramref name="figures"/> the headers of the figure columns
    /// are set right, over their numbers.</summary>
    private static TableRow HeaderRow(IEnumerable<string> headers, int[] widths, bool figures = false)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        row.Append(headers.Select((h, i) => Cell(widths[i], [Para(h, bold: true, keepNext: true, right: figures && i > 0)], shade: "E8EEF6")));
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

    private static Paragraph Para(string text, string? style = null, bool bold = false, bool italic = false, bool indent = false, bool keepNext = false, bool right = false)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (keepNext) props.Append(new KeepNext());
        props.Append(new SpacingBetweenLines { After = "80" });
        if (indent) props.Append(new Indentation { Left = "284", Hanging = "170" });
        if (right) props.Append(new Justification { Val = JustificationValues.Right });
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
