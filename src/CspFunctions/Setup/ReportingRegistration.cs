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
    /// empty implementations until the chasing and responses features register theirs (TryAdd keeps theirs).</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration config)
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
        // Locally (an outbox folder set, no webhook) the board's card goes to the outbox, like the mail.
        if (string.IsNullOrWhiteSpace(config[Settings.BoardWorkflowWebhookUrl]) && !string.IsNullOrWhiteSpace(config[Settings.OutboxPath]))
            services.AddSingleton<IBoardChannel>(sp => sp.GetRequiredService<CspFunctions.Messaging.LocalOutbox>());
        else services.AddHttpClient<IBoardChannel, BoardWebhookChannel>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ReportSource>();
        services.AddSingleton<CspFunctions.Plans.YearEndRollover>();
        services.AddTransient<ReportPublisher>();
        return services;
    }
}
