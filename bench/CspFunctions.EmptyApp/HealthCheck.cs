using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.EmptyApp;

/// <summary>The one function of the empty app: answers at once, or (started with --probe-storage) after the same three storage
/// calls the app's health probe makes, so both sides can answer the same kind of request.</summary>
public sealed class HealthCheck
{
    /// <summary>Set at start with --probe-storage.</summary>
    public static StorageProbe? Probe { get; set; }

    [Function("Health")]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        if (Probe is { } probe) await probe.RunAsync(request.HttpContext.RequestAborted);
        return new OkObjectResult(new { status = "healthy" });
    }
}
