using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CspFunctions.Reporting;

/// <summary>The performance chart as a native Word chart (DrawingML): a stacked horizontal bar per priority of RAG ratings
/// and missing updates, the same figures as the web page's SVG. Word and LibreOffice draw it from the figures cached in the
/// chart part, so no image library, native code or font is needed, and the figures stay readable to assistive technology
/// and editable in Word. The drawing carries the chart's title and its description as alternative text.</summary>
public static class WordChart
{
    /// <summary>Series in stacking order, with the colours of the web page's chart and a label colour readable on each.</summary>
    private static readonly (string Key, string Name, string Fill, string LabelColour)[] Series =
    [
        ("green", "Green", "00703C", "FFFFFF"),
        ("amber", "Amber", "F0B400", "0B0C0C"),
        ("red", "Red", "B00020", "FFFFFF"),
        ("none", "No update", "D9D9D9", "0B0C0C"),
    ];

    private const long EmuPerInch = 914400;
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /// <summary>Adds the chart part to the document and returns the paragraph that shows it, the width of the text.</summary>
    public static W.Paragraph Paragraph(MainDocumentPart main, PerformanceChart chart, string title)
    {
        var part = main.AddNewPart<ChartPart>();
        part.ChartSpace = ChartSpace(chart, title);
        // 15398 twips of text width at 635 EMU a twip; 0.3 inch a bar, plus the title, axis and legend.
        var width = 15398L * 635;
        var height = EmuPerInch * (11 + 3 * chart.Bars.Count) / 10;
        var inline = new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = 1U, Name = "Performance chart", Title = title, Description = chart.Description },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) }) { Uri = ChartUri }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new W.Paragraph(
            new W.ParagraphProperties(new W.KeepNext(), new W.SpacingBetweenLines { After = "80" }),
            new W.Run(new W.Drawing(inline)));
    }

    private static C.ChartSpace ChartSpace(PerformanceChart chart, string title)
    {
        var categories = chart.Bars.Select(b => b.Label).ToList();
        var barChart = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Stacked },
            new C.VaryColors { Val = false });
        for (var i = 0; i < Series.Length; i++)
        {
            var (key, name, fill, labelColour) = Series[i];
            // A bar with none of a kind has no point for it (not a zero), so no "0" label is drawn on an empty segment.
            var values = chart.Bars.Select(b => b.Segments.FirstOrDefault(s => s.Key == key)?.Value ?? 0).ToList();
            var numbers = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
            for (var p = 0; p < values.Count; p++)
                if (values[p] > 0) numbers.Append(new C.NumericPoint(new C.NumericValue(values[p].ToString(CultureInfo.InvariantCulture))) { Index = (uint)p });
            barChart.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                new C.SeriesText(new C.StringReference(new C.Formula($"Sheet1!${Column(i)}$1"), StringCache([name]))),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = fill })),
                new C.InvertIfNegative { Val = false },
                new C.DataLabels(
                    new C.TextProperties(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.ParagraphProperties(TextRun(900, labelColour, bold: true)), new A.EndParagraphRunProperties { Language = "en-GB" })),
                    new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                    new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula($"Sheet1!$A$2:$A${categories.Count + 1}"), StringCache(categories))),
                new C.Values(new C.NumberReference(new C.Formula($"Sheet1!${Column(i)}$2:${Column(i)}${categories.Count + 1}"), numbers))));
        }
        barChart.Append(new C.GapWidth { Val = 50 }, new C.Overlap { Val = 100 }, new C.AxisId { Val = 1U }, new C.AxisId { Val = 2U });

        var categoryAxis = new C.CategoryAxis(
            new C.AxisId { Val = 1U },
            // The first priority at the top, as in the tables.
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.TextProperties(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.ParagraphProperties(TextRun(900, "1B1B1B")), new A.EndParagraphRunProperties { Language = "en-GB" })),
            new C.CrossingAxis { Val = 2U },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = false });
        var valueAxis = new C.ValueAxis(
            new C.AxisId { Val = 2U },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MinAxisValue { Val = 0 }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
            new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })))),
            new C.Title(Rich("Actions", 900, bold: false), new C.Overlay { Val = false }),
            new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.TextProperties(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.ParagraphProperties(TextRun(900, "1B1B1B")), new A.EndParagraphRunProperties { Language = "en-GB" })),
            new C.CrossingAxis { Val = 1U },
            new C.Crosses { Val = C.CrossesValues.Maximum },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between },
            new C.MajorUnit { Val = MajorUnit(chart.Bars.Max(b => b.Total)) });

        return new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(Rich(title, 1100, bold: true), new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(new C.Layout(), barChart, categoryAxis, valueAxis),
                new C.Legend(
                    new C.LegendPosition { Val = C.LegendPositionValues.Bottom },
                    new C.Overlay { Val = false },
                    new C.TextProperties(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.ParagraphProperties(TextRun(900, "1B1B1B")), new A.EndParagraphRunProperties { Language = "en-GB" }))),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            new C.ChartShapeProperties(new A.NoFill(), new A.Outline(new A.NoFill())));
    }

    /// <summary>Whole actions between grid lines, about eight lines across: 1, 2, 5, 10, 20, 50 ...</summary>
    private static double MajorUnit(int most)
    {
        for (var unit = 1; ; unit *= 10)
            foreach (var step in new[] { unit, 2 * unit, 5 * unit })
                if (most <= 8 * step) return step;
    }

    private static string Column(int series) => ((char)('B' + series)).ToString();

    private static C.StringCache StringCache(IReadOnlyList<string> values)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++) cache.Append(new C.StringPoint(new C.NumericValue(values[i])) { Index = (uint)i });
        return cache;
    }

    private static C.ChartText Rich(string text, int size, bool bold) => new(new C.RichText(
        new A.BodyProperties(), new A.ListStyle(),
        new A.Paragraph(new A.ParagraphProperties(TextRun(size, "1B1B1B", bold)), new A.Run(RunProperties(size, "1B1B1B", bold), new A.Text(text)))));

    private static A.DefaultRunProperties TextRun(int size, string colour, bool bold = false) =>
        new(new A.SolidFill(new A.RgbColorModelHex { Val = colour }), new A.LatinFont { Typeface = "Arial" }, new A.ComplexScriptFont { Typeface = "Arial" }) { FontSize = size, Bold = bold };

    private static A.RunProperties RunProperties(int size, string colour, bool bold) =>
        new(new A.SolidFill(new A.RgbColorModelHex { Val = colour }), new A.LatinFont { Typeface = "Arial" }, new A.ComplexScriptFont { Typeface = "Arial" }) { Language = "en-GB", FontSize = size, Bold = bold };
}
