using System.Reflection;
using System.Text.Json;

namespace CspFunctions.LocalHost;

public sealed record FunctionDefinition(
    string Name, string EntryPoint, TriggerKind Trigger, string? Route, IReadOnlyList<string> Methods, string? AuthLevel,
    string? Schedule, string? QueueName)
{
    public MethodInfo ResolveMethod(Assembly assembly)
    {
        var cut = EntryPoint.LastIndexOf('.');
        var type = assembly.GetType(EntryPoint[..cut], throwOnError: true)!;
        return type.GetMethod(EntryPoint[(cut + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new InvalidOperationException($"Function {Name}: entry point {EntryPoint} not found.");
    }
}
