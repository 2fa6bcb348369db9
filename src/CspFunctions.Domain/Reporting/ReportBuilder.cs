using System.Globalization;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Reporting;

public static class ReportBuilder
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static PlanReport Build(ReportInputs inputs, ReportAudience audience)
    {
        var plan = inputs.Plan;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(plan.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var latest = inputs.Updates.Latest();
        var previous = inputs.PreviousUpdates.Latest();
        var lastChased = inputs.Chases.GroupBy(c => c.LeadId).ToDictionary(g => g.Key, g => g.Max(c => c.SentAt));

        var sections = new List<ReportSection>();
        foreach (var priority in plan.Priorities)
        {
            var rows = new List<ReportRow>();
            foreach (var action in plan.ActionsIn(priority))
            {
                if (action.Restricted && audience == ReportAudience.Board) continue;
                ReportProgress? progress = null;
                if (latest.TryGetValue(action.Number, out var update))
                {
                    previous.TryGetValue(action.Number, out var before);
                    progress = new ReportProgress(update.Status, update.Rag, update.Text, update.GivenBy, Day(update.GivenAt, zone),
                        inputs.PublishedAt is { } published && update.GivenAt > published,
                        DirectionOfTravel.Between(before?.Rag, update.Rag));
                }
                var chased = action.LeadIds.Select(id => lastChased.TryGetValue(id, out var at) ? at : (DateTimeOffset?)null).Max();
                rows.Add(new ReportRow(action.Number, action.Text,
                    action.LeadIds.Select(id => plan.FindLead(id)?.Name ?? id).ToList(),
                    action.Documents.Select(d => new ReportDocument(d.Title, d.Url)).ToList(),
                    action.Restricted, progress, chased is { } c ? Day(c, zone) : null, action.CarriedFrom) { Ref = action.Ref });
            }
            sections.Add(new ReportSection(priority.Id, priority.Title, PerformanceSummary.Of(priority.Title, rows), rows));
        }

        var round = inputs.Round;
        var period = $"{round.PeriodStart.ToString("d MMMM yyyy", English)} to {round.PeriodEnd.ToString("d MMMM yyyy", English)}";
        var previousRound = FinancialQuarter.TryParseRoundId(round.Id, out var q) ? q.Previous.RoundId : "";
        return new PlanReport(plan.Id, plan.Name, plan.Introduction, round.Id, period, previousRound, audience,
            inputs.PublishedAt is { } p ? Day(p, zone) : null,
            PerformanceSummary.Of("All priorities", sections.SelectMany(s => s.Rows).ToList()), sections);
    }

    private static string Day(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("d MMMM yyyy", English);
}
