using CspFunctions.Responses;
using CspFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CspFunctions.Setup;

public static class ResponsesRegistration
{
    /// <summary>The response form, inbound replies and their stores. Emails go through whichever IMailSender the app registers.</summary>
    public static IServiceCollection AddResponses(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => new ResponseOptions(sp.GetRequiredService<IOptions<CspOptions>>().Value.PublicBaseUrl, sp.GetRequiredService<IOptions<SendGridOptions>>().Value.InboundDomain)
        {
            RequireSenderAuthentication = sp.GetRequiredService<IOptions<SendGridOptions>>().Value.RequireSenderAuthentication,
        });
        services.AddSingleton<ReplyInterpreter>();
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
        services.AddSingleton(sp => new InboundParseSignature(new CspFunctions.Messaging.SendGridEventWebhook(sp.GetRequiredService<IOptions<SendGridOptions>>().Value.InboundParsePublicKey)));
        return services;
    }
}
