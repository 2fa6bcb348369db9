using BenchmarkDotNet.Running;

namespace CspFunctions.Bench;

/// <summary>Runs <see cref="PageRenderBenchmarks"/> with BenchmarkDotNet and writes the medians to bench/results; the smoke
/// run renders both pages once each way and checks that they write the same bytes.</summary>
public sealed class PageRenderBench : IBenchProgram
{
    public string Name => "page-render";
    public string Description => "Response form (12 actions) and round page (35 actions, steering and filters) in the layout: templates vs hand-written StringBuilder (BenchmarkDotNet; target <= 1.5x)";

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var report = new BenchReport(Name, "Page render: templates and layout vs hand-written StringBuilder", "dotnet run -c Release --project bench/CspFunctions.Bench -- page-render");
        var benchmarks = new PageRenderBenchmarks();
        string? problem = null;
        try { benchmarks.Setup(); }
        catch (InvalidOperationException ex) { problem = ex.Message; }
        if (problem is not null) Console.WriteLine(problem);
        report.Check("the hand-written response form and round page write exactly the templates' bytes (layout included)", problem is null);
        if (problem is null && options.Rest.Contains("--profile"))
        {
            PageRenderProfile.Run(benchmarks, options.Rest.Contains("spin"), options.Rest.Contains("form"));
            return 0;
        }
        if (options.Smoke)
        {
            if (problem is null)
                report.Check("all four benchmark methods run and write a whole page",
                    new[] { benchmarks.ResponseFormTemplate(), benchmarks.ResponseFormStringBuilder(), benchmarks.RoundPageTemplate(), benchmarks.RoundPageStringBuilder() }.All(n => n > 5_000));
            return await report.FinishAsync(options);
        }
        if (problem is not null) return await report.FinishAsync(options);

        var summary = BenchmarkRunner.Run<PageRenderBenchmarks>();
        BenchmarkDotNet.Reports.BenchmarkReport Of(string method) => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        double Median(string method) => Of(method).ResultStatistics!.Median / 1e6;
        double Allocated(string method) => Of(method).GcStats.GetBytesAllocatedPerOperation(Of(method).BenchmarkCase) ?? 0;
        report.Check("every benchmark ran (the same-bytes check is repeated in GlobalSetup)", summary.Reports.All(r => r.Success));
        report.Figure("response form, lead with 12 actions, median: templates vs StringBuilder", Median(nameof(PageRenderBenchmarks.ResponseFormTemplate)), Median(nameof(PageRenderBenchmarks.ResponseFormStringBuilder)), "ms", maxRatio: 1.5);
        report.Figure("round page, 35-action plan, median: templates vs StringBuilder", Median(nameof(PageRenderBenchmarks.RoundPageTemplate)), Median(nameof(PageRenderBenchmarks.RoundPageStringBuilder)), "ms", maxRatio: 1.5);
        report.Figure("response form bytes allocated per render: templates vs StringBuilder", Allocated(nameof(PageRenderBenchmarks.ResponseFormTemplate)), Allocated(nameof(PageRenderBenchmarks.ResponseFormStringBuilder)), "bytes");
        report.Figure("round page bytes allocated per render: templates vs StringBuilder", Allocated(nameof(PageRenderBenchmarks.RoundPageTemplate)), Allocated(nameof(PageRenderBenchmarks.RoundPageStringBuilder)), "bytes");
        report.Note("Both sides start from the same inputs and build the same view model (ResponseFormPage.For; ManageRoundPage.For with its RoundFilterPart and RoundSteerPart, as ManageRoundPage.Of builds it, the report's figures built once in setup), so the ratio is the cost of the templates and the layout over writing the markup by hand. The round is open: the steering forms (due date, close, chase now and record an update per lead), the unfiltered list of all 35 actions with last quarter's RAG, and the publish form; the page is 42,610 characters, so each render's string is on the large object heap on both sides. The response form shows last quarter's update on every action and this quarter's save on half of them. `page-render --profile` times the pieces by stopwatch (view model, body template alone, whole page each way, a bare context) with the collections per 1,000 renders.");
        return await report.FinishAsync(options);
    }
}
