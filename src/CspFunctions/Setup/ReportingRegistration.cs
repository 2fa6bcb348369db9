using CspFunctions.Chasing;
using CspFunctions.Reporting;
using CspFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CspFunctions.Setup;

public static class ReportingRegistration
{
    /// <summary>Reports, publishing and the manager pages. The chase history, contact health and held replies default to
    /// empty implementations until the chasing and responses features register theirs (TryAdd keeps theirs).
    /// <paramref name="asGiven"/> is the configuration before unresolved optional references were treated as unset.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration config, IConfiguration? asGiven = null)
    {
        services.TryAddSingleton<IChaseHistory, NoChaseHistory>();
        services.TryAddSingleton<IContactHealth, NoContactIssues>();
        services.TryAddSingleton<IHeldReplies, NoHeldReplies>();
        services.AddSingleton<IFailedWorkList, PoisonQueueList>();
        services.AddSingleton<IPublicationStore, TablePublicationStore>();
        services.AddSingleton<ISnapshotStore, BlobSnapshotStore>();
        services.AddSingleton<IBoardNoticeQueue, StorageBoardNoticeQueue>();
        services.AddSingleton(sp => ReportingSettings.From(config, sp.GetRequiredService<IOptions<CspOptions>>().Value));
        services.AddSingleton(BoardWebhookRetry.Default);
        // Locally (an outbox folder set, no webhook setting at all) the board's card goes to the outbox, like the mail. A
        // webhook that is an unresolved Key Vault reference is a board not yet configured, not a machine without one.
        if (string.IsNullOrWhiteSpace((asGiven ?? config)[Settings.BoardWorkflowWebhookUrl]) && !string.IsNullOrWhiteSpace(config[Settings.OutboxPath]))
            services.AddSingleton<IBoardChannel>(sp => sp.GetRequiredService<CspFunctions.Messaging.LocalOutbox>());
        else AddBoardWebhook(services);
        services.AddSingleton<ReportSource>();
        services.AddSingleton<CspFunctions.Plans.YearEndRollover>();
        services.AddTransient<ReportPublisher>();
        return services;
    }

    /// <summary>In a method of its own so that Microsoft.Extensions.Http is loaded only when the board's webhook is used.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddBoardWebhook(IServiceCollection services) =>
        services.AddHttpClient<IBoardChannel, BoardWebhookChannel>(c => c.Timeout = TimeSpan.FromSeconds(30));
}
