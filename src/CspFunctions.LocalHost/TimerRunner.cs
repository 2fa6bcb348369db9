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
                await FireAsync(isPastDue: false, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Timer function {Function} failed", function.Name);
            }
        }
    }

    /// <summary>One firing of the timer, now, as the host would fire it (a fresh function instance in its own scope).</summary>
    public Task FireAsync(bool isPastDue = false, CancellationToken ct = default) =>
        invoker.InvokeTriggerAsync(services, function, new TimerInfo { IsPastDue = isPastDue }, ct);

    public static string ResolveSchedule(string schedule, IConfiguration config) => Resolve(schedule, config, "Schedule");

    /// <summary>A binding value that names an app setting ("%Csp:Queues:Reminders%") resolved as the Functions host does.</summary>
    public static string Resolve(string value, IConfiguration config, string what) =>
        value.Length > 2 && value.StartsWith('%') && value.EndsWith('%')
            ? config[value.Trim('%').Replace("__", ":")] is { Length: > 0 } resolved ? resolved : throw new InvalidOperationException($"{what} setting {value} is not set.")
            : value;
}
