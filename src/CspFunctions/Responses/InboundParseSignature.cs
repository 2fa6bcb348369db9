using CspFunctions.Http;
using CspFunctions.Messaging;
using CspFunctions.Observability;
using CspFunctions.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Responses;

/// <summary>
/// <summary>The public key of SendGrid's signed Inbound Parse webhook, when the operator configured one.</summary>
public sealed record InboundParseSignature(SendGridEventWebhook Verifier)
{
    public bool IsConfigured => Verifier.IsConfigured;
}
