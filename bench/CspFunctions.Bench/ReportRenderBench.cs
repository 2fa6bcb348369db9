using BenchmarkDotNet.Running;

namespace CspFunctions.Bench;

/// <summary>Runs <see cref="ReportRenderBenchmarks"/> with BenchmarkDotNet and writes its medians to bench/results;
/// the smoke run renders a small plan once both ways and checks that they write the same tables.</summary>
public sealed class ReportRenderBench : IBenchProgram
{
    public string Name => "report-render";
    public string Description => "10,500-action plan to HTML: Scriban template vs hand-written StringBuilder baseline (BenchmarkDotNet; target <= 2x)";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var report = new BenchReport(Name, "Report render: Scriban template vs hand-written baseline", "dotnet run -c Release --project bench/CspFunctions.Bench -- report-render");
        if (options.Smoke)
        {
            var benchmarks = new ReportRenderBenchmarks { Actions = 200 };
            var same = ReportRenderBenchmarks.SameTables(LargePlan.Report(benchmarks.Actions));
            report.Check("the template writes exactly the hand-written baseline's tables (200 actions)", same);
            if (same)
            {
                // Each benchmark method once, as BenchmarkDotNet would call it.
                benchmarks.Setup();
                report.Check("both benchmark methods run and write something", benchmarks.ScribanTemplate() > benchmarks.StringBuilderTable() && benchmarks.StringBuilderTable() > 0);
            }
            return await report.FinishAsync(options);
        }

        var summary = BenchmarkRunner.Run<ReportRenderBenchmarks>();
        BenchmarkDotNet.Reports.BenchmarkReport Of(string method) => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        double Median(string method) => Of(method).ResultStatistics!.Median / 1e6;
        double Allocated(string method) => Of(method).GcStats.GetBytesAllocatedPerOperation(Of(method).BenchmarkCase) ?? 0;
        report.Check("the template writes exactly the hand-written baseline's tables (10,500 actions; checked in GlobalSetup)", summary.Reports.All(r => r.Success));
        report.Figure("10,500 actions to HTML, median: Scriban template vs StringBuilder baseline", Median(nameof(ReportRenderBenchmarks.ScribanTemplate)), Median(nameof(ReportRenderBenchmarks.StringBuilderTable)), "ms", maxRatio: 2.0);
        report.Figure("bytes allocated per render: template vs baseline", Allocated(nameof(ReportRenderBenchmarks.ScribanTemplate)), Allocated(nameof(ReportRenderBenchmarks.StringBuilderTable)), "bytes");
        return await report.FinishAsync(options);
    }
}
