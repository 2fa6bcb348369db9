using System.Runtime.CompilerServices;
using CspFunctions.Chasing;
using CspFunctions.Messaging;
using CspFunctions.Responses;
using CspFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace CspFunctions.Setup;

public static class ChasingRegistration
{
    /// <summary>Reminders, the mail and Teams senders (SendGrid and Graph when configured, else the local outbox),
    /// the reminder log and queue, and the SendGrid event webhook.</summary>
    public static IServiceCollection AddChasing(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(ChasingPolicy.Default);
        services.AddSingleton<IReminderLog, TableReminderLog>();
        services.AddSingleton<IReminderQueue, StorageReminderQueue>();
        services.AddSingleton<TableContactHealth>();
        services.AddSingleton<IContactHealth>(sp => sp.GetRequiredService<TableContactHealth>());
        services.AddSingleton<IChaseHistory, ReminderLogChaseHistory>();
        services.AddSingleton<ChaseSweep>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton(sp => new SendGridEventWebhook(sp.GetRequiredService<IOptions<SendGridOptions>>().Value.EventWebhookPublicKey));
        services.AddSingleton(sp => new ReminderLinks(sp.GetRequiredService<LinkSigner>(), sp.GetRequiredService<IOptions<CspOptions>>().Value.PublicBaseUrl,
            Settings.LinkKeys(config)[config[Settings.LinkSigningActiveKeyId]!], sp.GetRequiredService<IOptions<SendGridOptions>>().Value.InboundDomain, ReminderLinks.DefaultGrace));

        services.AddSingleton(sp => new LocalOutbox(Path.GetFullPath(config[Settings.OutboxPath] is { Length: > 0 } path ? path : ".outbox"), sp.GetRequiredService<TimeProvider>()));
        if (SendGridSettings.From(config) is { } sendGrid) AddSendGrid(services, sendGrid);
        else services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<LocalOutbox>());

        // Only ITeamsNotifier is named here and the Graph client is made in the factory, when the first Teams notice goes
        // out: the JIT loads every type a method names, and naming GraphServiceClient loaded Microsoft.Graph (a very large
        // assembly) and Kiota at every start, before the first request (bench/results/startup.md).
        if (GraphSettings.From(config) is { } graph)
            services.AddSingleton<ITeamsNotifier>(_ => new GraphTeamsNotifier(new GraphServiceClient(GraphTeamsNotifier.CreateHttpClient(),
                new AzureIdentityAuthenticationProvider(new Azure.Identity.ClientSecretCredential(graph.TenantId, graph.ClientId, graph.ClientSecret), scopes: ["https://graph.microsoft.com/.default"]),
                graph.BaseUrl)));
        else services.AddSingleton<ITeamsNotifier>(sp => sp.GetRequiredService<LocalOutbox>());
        return services;
    }

    /// <summary>In a method of its own so that SendGrid's assembly is loaded only when SendGrid is configured.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddSendGrid(IServiceCollection services, SendGridSettings sendGrid)
    {
        services.AddSingleton(sendGrid);
        // Retry waits are real time, whatever clock the business rules run on.
        services.AddSingleton<SendGrid.ISendGridClient>(_ => sendGrid.CreateClient(new HttpClient(new ProviderRetryHandler(TimeProvider.System)
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        })));
        services.AddSingleton<IMailSender, SendGridMailSender>();
    }
}
