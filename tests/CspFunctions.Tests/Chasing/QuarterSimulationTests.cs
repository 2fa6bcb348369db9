using System.Globalization;
using System.Text.RegularExpressions;
using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Tests.Infrastructure;

namespace CspFunctions.Tests.Chasing;

/// <summary>The local host's simulate-quarter command, run and its timeline read back.</summary>
[Collection(StorageCollection.Name)]
public sealed partial class QuarterSimulationTests(StorageFixture storage)
{
    [GeneratedRegex(@"^  (\w{3} \d{1,2} \w{3} \d{4}): (.+?) -> (\d+) email\(s\), (\d+) Teams notification\(s\)(, manager digest)?$")]
    private static partial Regex DayLine();

    [Fact]
    public async Task Simulate_quarter_prints_every_stage_on_its_working_day_and_the_outbox_holds_what_it_counts()
    {
        var output = new StringWriter();
        Assert.Equal(0, await QuarterSimulation.RunAsync(storage.RepoRoot, "2018-19-Q3", output));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        FinancialQuarter.TryParseRoundId("2018-19-Q3", out var quarter);
        var due = RoundOpening.DueDateFor(quarter, ChasingPolicy.Default);
        Assert.Equal($"Simulating 2018-19-Q3 of the sample plan: quarter ends {quarter.End:ddd d MMM yyyy}, updates due {due:ddd d MMM yyyy}.", lines[0]);
        var days = lines.Skip(1).SkipLast(1).Select(l => DayLine().Match(l)).ToList();
        Assert.All(days, m => Assert.True(m.Success, "not a timeline line"));
        var timeline = days.Select(m => (
            Day: DateOnly.ParseExact(m.Groups[1].Value, "ddd d MMM yyyy", CultureInfo.CurrentCulture),
            Stages: m.Groups[2].Value.Split(", "), Mail: int.Parse(m.Groups[3].Value), Teams: int.Parse(m.Groups[4].Value), Digest: m.Groups[5].Success)).ToList();

        // Nobody answers in the simulation, so every stage of the schedule is sent, each on its own date, in order.
        var expected = ChaseSchedule.Timeline(ReportingRound.For("luton-2018-19", quarter, due), ChasingPolicy.Default).Select(t => (t.Date, t.Stage.Id)).ToList();
        Assert.Equal(expected, timeline.Where(t => t.Stages[0] != "digest").SelectMany(t => t.Stages.Select(s => (t.Day, s))));
        Assert.All(timeline, t => Assert.True(UkWorkingDays.IsWorkingDay(t.Day), $"{t.Day} is not a working day"));
        Assert.All(timeline.Where(t => t.Stages[0] != "digest"), t => Assert.True(t.Mail > 0, $"{t.Day}: a stage without mail"));
        // The managers' digest once a week, on the digest day or the working day after it.
        var digests = timeline.Where(t => t.Digest).Select(t => t.Day).ToList();
        Assert.NotEmpty(digests);
        Assert.All(digests, d => Assert.True(ChaseSchedule.IsDigestDay(d, ChasingPolicy.Default.DigestDay), $"digest on {d}"));
        Assert.Equal(digests.Count, digests.Select(d => d.DayNumber / 7).Distinct().Count());

        Assert.StartsWith("Every message is in ", lines[^1]);
        var outbox = Path.Combine(storage.RepoRoot, ".outbox", "simulation-2018-19-Q3");
        Assert.Equal(timeline.Sum(t => t.Mail), Directory.GetFiles(Path.Combine(outbox, "mail")).Length);
        Assert.Equal(timeline.Sum(t => t.Teams), Directory.Exists(Path.Combine(outbox, "teams")) ? Directory.GetFiles(Path.Combine(outbox, "teams")).Length : 0);
    }

    [Fact]
    public async Task Simulate_quarter_refuses_a_round_that_is_not_a_quarter()
    {
        var output = new StringWriter();
        Assert.Equal(2, await QuarterSimulation.RunAsync(storage.RepoRoot, "2018-Q9", output));
        Assert.Contains("is not a quarter like 2018-19-Q3", output.ToString());
    }
}
