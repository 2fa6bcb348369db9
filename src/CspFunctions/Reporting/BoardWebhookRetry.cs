using System.Net;
using System.Text;
using CspFunctions.Messaging;
using CspFunctions.Reporting;
using CspFunctions.Setup;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Reporting;

public sealed record BoardWebhookRetry(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly BoardWebhookRetry Default = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
}
