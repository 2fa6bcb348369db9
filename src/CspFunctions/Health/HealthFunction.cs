using CspFunctions.Access;
using CspFunctions.Http;
using CspFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Health;

public sealed class HealthFunction(StorageHealth storage)
{
    [Function("Health")]
    [Access(RouteAccess.Anyone)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken ct)
    {
        var probes = await storage.ProbeAsync(ct);
        var healthy = probes.All(p => p.Reachable);
        return new JsonResult(new
        {
            status = healthy ? "healthy" : "unhealthy",
            storage = probes.ToDictionary(p => p.Service, p => p.Reachable ? "reachable" : "unreachable: " + p.Error),
        }, ApiJson.Options)
        { StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }
}
