using System.Diagnostics;
using CspFunctions.Import;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace CspFunctions.Bench;

/// <summary>
/// Plan import of a 1,000-action .xlsx and a 1,000-action .docx (<see cref="BenchPlanFiles"/>), in memory: the real path
/// an upload takes (<see cref="UploadedPlanFile.ReadPlan(PlanFormat, Stream, CsvPlanHeader, string?)"/>: open, find the
/// table, map columns, read cells, then <see cref="PlanValidator.Validate"/>), against reading the same cells' texts with
/// bare DocumentFormat.OpenXml in the same run (open, shared strings, every cell of every sheet or table). Pass an action
/// count to change the size (e.g. "plan-import 5000"; references repeat past 1,000).
/// </summary>
public sealed class PlanImportBench : IBenchProgram
{
    public string Name => "plan-import";
    public string Description => "Plan import of a 1,000-action .xlsx and .docx (reader + validator) vs reading the same cells with bare OpenXml";

    private static readonly CsvPlanHeader Header = new("bench-plan", "Bench CSP delivery plan", 2024, "Kate Manager", "kate.manager@example.org");
    private const string Round = "2024-25-Q4";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var report = new BenchReport(Name, "Plan import (reader + validator) of a 1,000-action Excel and Word plan vs a bare OpenXml read of the same cells",
            "dotnet run -c Release --project bench/CspFunctions.Bench -- plan-import");
        var actions = Math.Min(options.Int(0, full: 1000, smoke: 60), 1000);

        foreach (var (label, format, bytes) in new[]
                 {
                     ("Excel .xlsx", PlanFormat.Xlsx, BenchPlanFiles.Workbook(actions)),
                     ("Word .docx", PlanFormat.Docx, BenchPlanFiles.Word(actions)),
                 })
        {
            var firstImport = Stopwatch.StartNew();
            var plan = Import(format, bytes);
            var firstImportMs = firstImport.Elapsed.TotalMilliseconds;
            report.Check($"{label}: the import reads and validates {actions:N0} actions, each with its reference as written, two leads and a progress update",
                plan.Plan.Actions.Count == actions && plan.Plan.Actions.All(a => a.Ref.Contains('.') && a.LeadIds.Count == 2) && plan.Updates.Count == actions);
            var firstBare = Stopwatch.StartNew();
            var bareCells = format == PlanFormat.Xlsx ? BareExcel(bytes) : BareWord(bytes);
            var firstBareMs = firstBare.Elapsed.TotalMilliseconds;
            var readerCells = ReaderCells(format, bytes);
            report.Check($"{label}: the bare OpenXml read and the import's reader see the same {bareCells:N0} non-empty cells (the reader saw {readerCells:N0})", bareCells == readerCells);

            // Interleaved, so load on the machine falls on both sides alike.
            var document = Read(format, bytes).Document;
            var (times, warmUp) = Times(options.Smoke,
                () => _ = format == PlanFormat.Xlsx ? BareExcel(bytes) : BareWord(bytes),
                () => _ = Import(format, bytes),
                () => _ = ReaderCells(format, bytes),
                () => _ = PlanValidator.Validate(document));
            var (bare, full, cells, validate) = (Median(times[0]), Median(times[1]), Median(times[2]), Median(times[3]));
            report.Figure($"{label}, {actions:N0} actions ({bytes.Length / 1024.0:N0} KB): read + validate, median, vs a bare OpenXml read of the same cells", full, bare, "ms", maxRatio: 1.5);
            // Each round's import beside the same round's bare read: how far the ratio moves from round to round.
            var ratios = times[1].Zip(times[0], (import, read) => import / read).ToList();
            report.Note($"{label} spread ({times[0].Count} interleaved rounds after {warmUp} rounds of warm-up): the bare read {Quantile(times[0], 0.25):F2}-{Quantile(times[0], 0.75):F2} ms, " +
                        $"the import {Quantile(times[1], 0.25):F2}-{Quantile(times[1], 0.75):F2} ms (quartiles); each round's import over the same round's bare read: " +
                        $"median {Median(ratios):F3}, quartiles {Quantile(ratios, 0.25):F3}-{Quantile(ratios, 0.75):F3}.");
            report.Note($"{label} first calls in this process (code not yet optimised by tiered compilation; diagnostic, not the target): the import {firstImportMs:F1} ms, " +
                        $"then the bare read {firstBareMs:F1} ms (the bare read's OpenXml element-tree code had already run to make the test files).");
            report.Note($"{label} parts (medians): open and read the cells {cells:F2} ms; find the table, map the columns and read the actions " +
                        $"{full - cells - validate:F2} ms; validate the plan {validate:F2} ms (the validator alone on the same document).");
            var (bareBytes, bareGcs) = Allocations(() => _ = format == PlanFormat.Xlsx ? BareExcel(bytes) : BareWord(bytes));
            var (importBytes, importGcs) = Allocations(() => _ = Import(format, bytes));
            var (cellBytes, cellGcs) = Allocations(() => _ = ReaderCells(format, bytes));
            report.Note($"{label} allocations (one run each): the bare read {bareBytes / 1048576.0:F1} MB ({bareGcs} gen0 collections); the import " +
                        $"{importBytes / 1048576.0:F1} MB ({importGcs}), of which reading the cells {cellBytes / 1048576.0:F1} MB ({cellGcs}).");
        }
        report.Note("Both sides start from the file's bytes in memory and open the package themselves; the import also finds the header " +
                    "row, maps columns by name, splits leads, emails, documents and progress paragraphs, and validates the whole plan once " +
                    "(the upload's preview of a new plan uses that validation; re-importing a stored plan validates again against it, which is not measured here).");
        return await report.FinishAsync(options);
    }

    /// <summary>What the upload's preview does for a new plan: read the file; the reader validates the whole plan (to report
    /// every problem with its row in one pass) and the preview uses that.</summary>
    private static ValidatedPlan Import(PlanFormat format, byte[] bytes) => Read(format, bytes) is var reading && reading.Validated is { } validated ? validated : PlanValidator.Validate(reading.Document);

    private static PlanReading Read(PlanFormat format, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return UploadedPlanFile.ReadPlan(format, stream, Header, Round);
    }

    private static int ReaderCells(PlanFormat format, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        IReadOnlyList<SourceTable> tables;
        if (format == PlanFormat.Xlsx)
        {
            using var workbook = SpreadsheetDocument.Open(stream, false);
            tables = WorkbookTables.Read(workbook);
        }
        else
        {
            using var document = WordprocessingDocument.Open(stream, false);
            tables = WordTables.Read(document);
        }
        return tables.Sum(t => t.Rows.Sum(r => r.Cells.Count(c => !c.IsEmpty)));
    }

    /// <summary>Every cell's text with bare OpenXml, row by row: shared strings resolved, inline strings and values as they
    /// are. Returns how many are not blank.</summary>
    private static int BareExcel(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var part = workbook.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable?.Elements<X.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<List<string>>();
        foreach (var sheet in part.WorksheetParts)
        {
            foreach (var row in sheet.Worksheet!.Elements<X.SheetData>().SelectMany(d => d.Elements<X.Row>()))
            {
                var texts = new List<string>();
                foreach (var cell in row.Elements<X.Cell>())
                {
                    var raw = cell.CellValue?.Text ?? "";
                    texts.Add(cell.DataType?.Value == X.CellValues.SharedString ? shared[int.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)]
                        : cell.DataType?.Value == X.CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : raw);
                }
                rows.Add(texts);
            }
        }
        return rows.Sum(r => r.Count(t => !string.IsNullOrWhiteSpace(t)));
    }

    /// <summary>Every table cell's text with bare OpenXml, row by row. Returns how many are not blank.</summary>
    private static int BareWord(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var rows = new List<List<string>>();
        foreach (var table in document.MainDocumentPart!.Document!.Body!.Descendants<W.Table>())
            foreach (var row in table.Elements<W.TableRow>())
                rows.Add(row.Elements<W.TableCell>().Select(c => c.InnerText).ToList());
        return rows.Sum(r => r.Count(t => !string.IsNullOrWhiteSpace(t)));
    }

    /// <summary>Bytes the action allocates on this thread and the gen0 collections during it, after a full collection.</summary>
    private static (long Bytes, int Collections) Allocations(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (bytes, collections) = (GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0));
        action();
        return (GC.GetAllocatedBytesForCurrentThread() - bytes, GC.CollectionCount(0) - collections);
    }

    /// <summary>Each action's milliseconds, run in turn (a round of each, then the next round; a collection before each
    /// run so no run pays for another's garbage). First a warm-up of the same rounds, at least 60 and at least three seconds,
    /// so that what is measured on both sides is the code tiered compilation settles on (a method is recompiled optimised
    /// only after 30 calls and a quiet spell, and while that is under way its first rounds run several times slower); then
    /// rounds for about eight seconds (at least 31).</summary>
    private static (List<double>[] Times, int WarmUp) Times(bool smoke, params Action[] actions)
    {
        var warm = Stopwatch.StartNew();
        var warmUp = 0;
        for (; warmUp < (smoke ? 1 : 60) || (!smoke && warm.Elapsed.TotalSeconds < 3); warmUp++)
            foreach (var action in actions) Run(action);
        var probe = Stopwatch.StartNew();
        foreach (var action in actions) Run(action);
        var rounds = smoke ? 3 : Math.Clamp((int)(8000 / Math.Max(0.001, probe.Elapsed.TotalMilliseconds)), 31, 1000);
        var times = actions.Select(_ => new List<double>(rounds)).ToArray();
        for (var round = 0; round < rounds; round++)
            for (var k = 0; k < actions.Length; k++)
                times[k].Add(Run(actions[k]));
        return (times, warmUp);

        static double Run(Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    private static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    private static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }
}
