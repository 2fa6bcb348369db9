using CspFunctions.Progress;

namespace CspFunctions.Reporting;

/// <summary>Everything a report shows, in plan order, already decided: the templates and writers only lay it out.</summary>
public sealed record PlanReport(
    string PlanId,
    string PlanName,
    string? Introduction,
    string RoundId,
    string PeriodLabel,
    string PreviousRoundId,
    ReportAudience Audience,
    string? PublishedOn,
    PerformanceSummary Overall,
    IReadOnlyList<ReportSection> Sections)
{
    public IReadOnlyList<TextBlock> IntroductionBlocks => TextBlocks.Parse(Introduction);
    public bool IsManagerVersion => Audience == ReportAudience.Manager;
    public IEnumerable<ReportRow> Rows => Sections.SelectMany(s => s.Rows);
}
