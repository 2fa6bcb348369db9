using CspFunctions.Access;
using CspFunctions.Templating;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Pages;

/// <summary>The pages' stylesheet under its content-hashed name, cached for a year; any other name is not found.</summary>
public sealed class StylesheetFunction
{
    [Function("Stylesheet")]
    [Access(RouteAccess.Anyone)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{file}")] HttpRequest request, string file)
    {
        if (file != Stylesheet.FileName) return new NotFoundResult();
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return new FileContentResult(Stylesheet.Content, Stylesheet.ContentType);
    }
}
