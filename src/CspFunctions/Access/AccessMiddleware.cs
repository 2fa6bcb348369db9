using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CspFunctions.Access;

/// <summary>The worker's access check: before any HTTP function runs, <see cref="AccessGate"/> decides from the function's
/// declared access. A refusal becomes the invocation's result, so the function never runs.</summary>
public sealed class AccessMiddleware(AccessGate gate) : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, MethodInfo?> Methods = new();

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }
        var method = Methods.GetOrAdd(context.FunctionDefinition.EntryPoint, EntryPointMethod);
        var declared = method is null ? null : AccessGate.DeclaredOn(method);
        var refused = await gate.CheckAsync(http, declared, name =>
            context.BindingContext.BindingData.TryGetValue(name, out var value) && value is not null ? value.ToString() : http.GetRouteValue(name)?.ToString());
        if (refused is not null)
        {
            context.GetInvocationResult().Value = refused;
            return;
        }
        await next(context);
    }

    private static MethodInfo? EntryPointMethod(string entryPoint)
    {
        var cut = entryPoint.LastIndexOf('.');
        return cut < 0 ? null : typeof(AccessMiddleware).Assembly.GetType(entryPoint[..cut])?.GetMethod(entryPoint[(cut + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
    }
}
