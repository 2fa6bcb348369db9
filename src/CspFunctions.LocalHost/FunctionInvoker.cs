using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.LocalHost;

/// <summary>Calls a function method the way the Functions worker would: a fresh instance from DI, its trigger input bound to the parameters.</summary>
public sealed class FunctionInvoker(Assembly functionsAssembly)
{
    public const string FunctionHeader = "X-Csp-Function";

    public Assembly Assembly => functionsAssembly;

    /// <param name="services">Where the function's dependencies come from (a simulation run's); the request's own when null.</param>
    public async Task InvokeHttpAsync(HttpContext context, FunctionDefinition function, IServiceProvider? services = null)
    {
        services ??= context.RequestServices;
        var method = function.ResolveMethod(functionsAssembly);
        var args = method.GetParameters().Select(p => BindHttp(p, context, services)).ToArray();
        var result = await InvokeAsync(services, method, args);
        context.Response.Headers[FunctionHeader] = function.Name;
        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType());
                break;
        }
    }

    public async Task InvokeTriggerAsync(IServiceProvider services, FunctionDefinition function, object? input, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var method = function.ResolveMethod(functionsAssembly);
        var args = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(CancellationToken) => ct,
            var t when t == typeof(TimerInfo) => input as TimerInfo ?? new TimerInfo(),
            var t when t == typeof(Azure.Storage.Queues.Models.QueueMessage) => input as Azure.Storage.Queues.Models.QueueMessage
                ?? Azure.Storage.Queues.Models.QueuesModelFactory.QueueMessage(Guid.NewGuid().ToString(), "local", input?.ToString() ?? "", 1),
            var t when t == typeof(string) => input is Azure.Storage.Queues.Models.QueueMessage qm ? qm.Body.ToString() : input?.ToString(),
            var t when t == typeof(BinaryData) => input is string s ? BinaryData.FromString(s) : input,
            var t => scope.ServiceProvider.GetService(t) ?? throw new NotSupportedException($"{function.Name}: cannot bind parameter {p.Name} of type {t.Name}"),
        }).ToArray();
        await InvokeAsync(scope.ServiceProvider, method, args);
    }

    private static object? BindHttp(ParameterInfo p, HttpContext context, IServiceProvider services) => p.ParameterType switch
    {
        var t when t == typeof(HttpRequest) => context.Request,
        var t when t == typeof(HttpContext) => context,
        var t when t == typeof(CancellationToken) => context.RequestAborted,
        var t when t == typeof(string) => context.GetRouteValue(p.Name!)?.ToString(),
        var t when t == typeof(int) => int.TryParse(context.GetRouteValue(p.Name!)?.ToString(), out var i) ? i : 0,
        var t => services.GetService(t) ?? throw new NotSupportedException($"cannot bind parameter {p.Name} of type {t.Name}"),
    };

    private static async Task<object?> InvokeAsync(IServiceProvider services, MethodInfo method, object?[] args)
    {
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var returned = method.Invoke(instance, args);
            switch (returned)
            {
                case Task task:
                    await task;
                    var resultProperty = task.GetType().GetProperty("Result");
                    return resultProperty is not null && task.GetType().IsGenericType ? resultProperty.GetValue(task) : null;
                default:
                    return returned;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        finally
        {
            if (instance is IAsyncDisposable ad) await ad.DisposeAsync();
            else if (instance is IDisposable d) d.Dispose();
        }
    }
}
