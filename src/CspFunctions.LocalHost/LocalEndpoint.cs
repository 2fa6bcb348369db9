namespace CspFunctions.LocalHost;

/// <summary>The local host's own pages (sign-in, outbox, start page, admin API) as plain request delegates. A minimal-API
/// handler with parameters makes the Request Delegate Generator build binding and JSON metadata for each route when the
/// routing table is first built, which is on the first request whatever it asks for (GET /api/health on a cold start);
/// a <see cref="RequestDelegate"/> has none to build. Route values and services are read from the context instead.</summary>
public static class LocalEndpoint
{
    public static RequestDelegate Of(Func<HttpContext, IResult> handler) => context => handler(context).ExecuteAsync(context);

    public static RequestDelegate Of(Func<HttpContext, Task<IResult>> handler) => async context => await (await handler(context)).ExecuteAsync(context);

    /// <summary>The route value <paramref name="name"/> (always there for a parameter of the route's template).</summary>
    public static string Route(this HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";
}
