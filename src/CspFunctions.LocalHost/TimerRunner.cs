using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CspFunctions.Setup;
using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.LocalHost;

/// <summary>Runs timer functions on their NCRONTAB schedules (UTC, like Flex Consumption).</summary>
public sealed class TimerRunner(FunctionDefinition function, FunctionInvoker invoker, IServiceProvider services, IConfiguration config,
    TimeProvider clock, ILogger<TimerRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = ResolveSchedule(function.Schedule!, config);
        var cron = CronExpression.Parse(schedule, schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = cron.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc);
            if (next is null) return;
            await Task.Delay(next.Value - now.UtcDateTime, clock, stoppingToken);
            try
            {
                await invoker.InvokeTriggerAsync(services, function, new TimerInfo { IsPastDue = false }, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Timer function {Function} failed", function.Name);
            }
        }
    }

    public static string ResolveSchedule(string schedule, IConfiguration config) =>
        schedule.StartsWith('%') && schedule.EndsWith('%') ? config[schedule.Trim('%').Replace("__", ":")] ?? throw new InvalidOperationException($"Schedule setting {schedule} is not set.") : schedule;
}
