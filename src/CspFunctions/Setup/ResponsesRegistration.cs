using CspFunctions.Responses;
using CspFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Setup;

public static class ResponsesRegistration
{
    /// <summary>The response form, inbound replies and their stores. Emails go through whichever IMailSender the app registers.</summary>
    public static IServiceCollection AddResponses(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new ResponseOptions(config[Settings.PublicBaseUrl] ?? "http://localhost:7071", config[Settings.SendGridInboundDomain] ?? ""));
        services.AddSingleton<BlobContainers>();
        services.AddSingleton<IReplyAddressBook, TableReplyAddressBook>();
        services.AddSingleton<IContactPauses, TableContactPauses>();
        services.AddSingleton<IInboundLog, TableInboundLog>();
        services.AddSingleton<IMailArchive, BlobMailArchive>();
        services.AddSingleton<IEvidenceStore, BlobEvidenceStore>();
        services.AddSingleton<TableLinkRenewals>();
        services.AddSingleton<ResponseDesk>();
        services.AddSingleton<ResponseMailer>();
        services.AddSingleton<InboundMailProcessor>();
        services.AddSingleton(new CspFunctions.Responses.InboundParseSignature(new CspFunctions.Messaging.SendGridEventWebhook(config[Settings.SendGridInboundParsePublicKey])));
        return services;
    }
}
