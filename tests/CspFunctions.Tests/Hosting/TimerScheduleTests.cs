using System.Text.Json;
using CspFunctions.Chasing;
using CspFunctions.LocalHost;
using Cronos;

namespace CspFunctions.Tests.Hosting;

/// <summary>The timers' schedules as the host reads them from functions.metadata, checked for what they mean: which days,
/// which UTC hours, and that no setting moves them off UTC (Flex Consumption runs NCRONTAB in UTC).</summary>
public sealed class TimerScheduleTests
{
    private static readonly string Root = RepoPaths.FindRoot();

    private static List<DateTime> Fires(string function, DateTime fromUtc, int days)
    {
        var schedule = FunctionCatalog.Load().Single(f => f.Name == function).Schedule!;
        var cron = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
        return cron.GetOccurrences(fromUtc, fromUtc.AddDays(days), TimeZoneInfo.Utc, fromInclusive: true, toInclusive: false).ToList();
    }

    private static readonly DateTime Winter = new(2019, 1, 7, 0, 0, 0, DateTimeKind.Utc); // a Monday in GMT
    private static readonly DateTime Summer = new(2019, 7, 1, 0, 0, 0, DateTimeKind.Utc); // a Monday in BST

    [Fact]
    public void The_retention_timer_runs_once_every_day_at_02_30_UTC_after_midnight_in_London_all_year()
    {
        foreach (var start in new[] { Winter, Summer })
        {
            var fires = Fires("RetentionTimer", start, 14);
            Assert.Equal(14, fires.Count);
            Assert.Equal(Enumerable.Range(0, 14).Select(d => start.AddDays(d).Date), fires.Select(f => f.Date));
            Assert.All(fires, f => Assert.Equal(new TimeSpan(2, 30, 0), f.TimeOfDay));
            Assert.All(fires, f =>
            {
                var london = TimeZoneInfo.ConvertTimeFromUtc(f, LondonClock.Zone);
                Assert.Equal(f.Date, london.Date); // the same calendar day in London
                Assert.InRange(london.Hour, 1, 4);  // after midnight, before the morning chasing window
            });
        }
    }

    [Fact]
    public void The_chase_sweep_runs_hourly_07_to_10_UTC_on_weekdays_only_which_covers_08_to_11_London_in_GMT_and_BST()
    {
        foreach (var start in new[] { Winter, Summer })
        {
            var fires = Fires("ChaseSweep", start, 14);
            Assert.DoesNotContain(fires, f => f.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            Assert.Equal(10, fires.Select(f => f.Date).Distinct().Count());
            Assert.All(fires.GroupBy(f => f.Date), day => Assert.Equal([7, 8, 9, 10], day.Select(f => f.Hour)));
            Assert.All(fires, f => Assert.Equal((0, 0), (f.Minute, f.Second)));
            // Each sending-window hour in London is reached by one of the day's fires.
            var londonHours = fires.Where(f => f.Date == start.Date).Select(f => TimeZoneInfo.ConvertTimeFromUtc(f, LondonClock.Zone).Hour).ToList();
            Assert.Subset(londonHours.ToHashSet(), new HashSet<int> { 8, 9, 10 });
        }
    }

    [Fact]
    public void The_weekly_digest_timer_runs_on_weekday_mornings_half_an_hour_after_each_sweep()
    {
        foreach (var start in new[] { Winter, Summer })
        {
            var digest = Fires("WeeklyDigest", start, 7);
            var sweep = Fires("ChaseSweep", start, 7);
            Assert.Equal(sweep.Select(s => s.AddMinutes(30)), digest);
        }
    }

    [Fact]
    public void No_timer_runs_on_start_up_and_no_setting_moves_the_schedules_off_UTC()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(FunctionCatalog.DefaultPath));
        var timers = metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "timerTrigger").Select(b => (Name: f.GetProperty("name").GetString()!, Binding: b)))
            .ToList();
        Assert.Equal(["ChaseSweep", "RetentionTimer", "WeeklyDigest"], timers.Select(t => t.Name).Order());
        Assert.All(timers, t => Assert.False(t.Binding.TryGetProperty("runOnStartup", out var run) && run.ValueKind == JsonValueKind.True, $"{t.Name} runs on start-up"));

        var configuration = new[] { "infra/settings.json", "infra/main.bicep", "infra/app/api.bicep", "local.settings.sample.json", "host.json" }
            .Select(f => File.ReadAllText(Path.Combine(Root, f)));
        Assert.All(configuration, text => Assert.DoesNotContain("WEBSITE_TIME_ZONE", text));
    }
}
