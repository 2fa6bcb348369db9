using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Tests.Reporting;

/// <summary>The Luton sample as report inputs, without storage.</summary>
public static class ReportData
{
    public static readonly ValidatedPlan Sample = LoadSample();
    public static readonly DateTimeOffset GivenAt = new(2019, 4, 10, 9, 0, 0, TimeSpan.Zero);

    public static ValidatedPlan LoadSample()
    {
        using var stream = File.OpenRead(RepoPaths.SamplePlan(RepoPaths.FindRoot()));
        return PlanValidator.Validate(PlanReader.ReadJson(stream));
    }

    public static ReportingRound Q4(string planId = "luton-2018-19", RoundState state = RoundState.Closed) =>
        ReportingRound.For(planId, new FinancialYear(2018).Quarter(4), new DateOnly(2019, 4, 23), state);

    public static IReadOnlyList<ProgressUpdate> SampleUpdates(Plan? plan = null) =>
        Sample.Updates.Select(u => new ProgressUpdate((plan ?? Sample.Plan).Id, u.RoundId, u.ActionNumber, 1, u.Status, u.Rag, u.Text, u.GivenBy, null, GivenAt, u.Channel)).ToList();

    public static ReportInputs Inputs(Plan? plan = null, IReadOnlyList<ProgressUpdate>? updates = null, IReadOnlyList<ProgressUpdate>? previous = null,
        IReadOnlyList<ChaseRecord>? chases = null, DateTimeOffset? publishedAt = null)
    {
        plan ??= Sample.Plan;
        return new ReportInputs(plan, Q4(plan.Id), updates ?? SampleUpdates(plan), previous ?? [], chases ?? [], publishedAt);
    }

    public static ProgressUpdate Update(string planId, int action, ProgressStatus status, Rag rag, string text, string round = "2018-19-Q4", DateTimeOffset? at = null, int version = 1) =>
        new(planId, round, action, version, status, rag, text, "Test lead", null, at ?? GivenAt, UpdateChannel.Form);
}
