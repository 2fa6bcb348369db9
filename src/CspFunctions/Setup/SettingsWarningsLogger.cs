using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Setup;

/// <summary>Logs each settings warning once when the app starts (configuration is read before logging exists).</summary>
public sealed class SettingsWarningsLogger(SettingsWarnings warnings, ILogger<SettingsWarningsLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var message in warnings.Messages) logger.LogWarning("{SettingsWarning}", message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
