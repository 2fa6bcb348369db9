using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Templating;
using CspFunctions.Workbench;

namespace CspFunctions.Bench;

/// <summary>The response form (a lead with 12 actions) and the manager's round page (35 actions) rendered through the real
/// templates and layout, each against <see cref="HandWrittenPages"/> writing the same bytes. Both sides start from the same
/// inputs and build the same view model (as the functions do), so the ratio is the templates' cost. Target: at most 1.5x.
/// dotnet run -c Release --project bench/CspFunctions.Bench -- --filter '*PageRender*'</summary>
[Config(typeof(InProcessJob))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PageRenderBenchmarks
{
    public const string Token = "eyJwIjoicmVzcG9uZCIsInBsIjoiYmVuY2gtZm9ybSJ9.c2lnbmF0dXJlLW9mLXRoZS1saW5r";

    private ResponseContext _form = null!;
    private PageLayout _formLayout = null!;
    private PageRenderData.RoundInputs _round = null!;
    private PageLayout _roundLayout = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_form, _formLayout) = PageRenderData.ResponseForm();
        (_round, _roundLayout) = PageRenderData.RoundPage();
        if (FirstDifference(TemplateForm(), HandForm()) is { } f) throw new InvalidOperationException("The hand-written response form differs from the template's: " + f);
        if (FirstDifference(TemplateRound(), HandRound()) is { } r) throw new InvalidOperationException("The hand-written round page differs from the template's: " + r);
    }

    private ResponseFormPage FormPage() => ResponseFormPage.For(_form, Token, null, []);
    // As ManageRoundPage.Of builds it, with the report's figures and the leads' status built once in setup (as before the
    // page had its steering forms), so both sides pay the same view model and the ratio is the rendering's.
    private ManageRoundPage RoundModel()
    {
        var links = new ManagerLinks();
        var view = _round.View;
        return ManageRoundPage.For(view.Plan, view.Round, _round.Report, _round.Status, null, null, links, DateTimeOffset.UnixEpoch) with
        {
            Filter = RoundFilterPart.For(view, null, null, null, null, links),
            Steer = RoundSteerPart.For(view.Stored, view.Round, links),
        };
    }

    public ManageRoundPage RoundModelForProfile() => RoundModel();
    public PageLayout RoundLayoutForProfile() => _roundLayout;
    public ResponseFormPage FormModelForProfile() => FormPage();
    public PageLayout FormLayoutForProfile() => _formLayout;

    public string TemplateForm() => PageRenderer.Render(ResponseFormPage.Template, FormPage(), _formLayout);
    public string HandForm() => HandWrittenPages.ResponseForm(FormPage(), _formLayout);
    public string TemplateRound() => PageRenderer.Render(ManageRoundPage.Template, RoundModel(), _roundLayout);
    public string HandRound() => HandWrittenPages.Round(RoundModel(), _roundLayout);

    /// <summary>Null when both wrote the same bytes; otherwise where they part, with some context.</summary>
    public static string? FirstDifference(string template, string hand)
    {
        if (string.Equals(template, hand, StringComparison.Ordinal)) return null;
        var i = 0;
        while (i < template.Length && i < hand.Length && template[i] == hand[i]) i++;
        string Around(string s) => s.Substring(Math.Max(0, i - 60), Math.Min(s.Length, i + 60) - Math.Max(0, i - 60));
        return $"at char {i} of {template.Length} (template) / {hand.Length} (hand):\n--- template\n{Around(template)}\n--- hand\n{Around(hand)}";
    }

    [Benchmark(Baseline = true), BenchmarkCategory("form")]
    public int ResponseFormStringBuilder() => HandForm().Length;

    [Benchmark, BenchmarkCategory("form")]
    public int ResponseFormTemplate() => TemplateForm().Length;

    [Benchmark(Baseline = true), BenchmarkCategory("round")]
    public int RoundPageStringBuilder() => HandRound().Length;

    [Benchmark, BenchmarkCategory("round")]
    public int RoundPageTemplate() => TemplateRound().Length;
}
