using System.Reflection;
using System.Text.Json;

namespace CspFunctions.LocalHost;

/// <summary>Reads the functions.metadata file that the Azure Functions Worker SDK writes at build time.</summary>
public static class FunctionCatalog
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    public static IReadOnlyList<FunctionDefinition> Load(string? path = null)
    {
        path ??= DefaultPath;
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var result = new List<FunctionDefinition>();
        foreach (var f in doc.RootElement.EnumerateArray())
        {
            var name = f.GetProperty("name").GetString()!;
            var entryPoint = f.GetProperty("entryPoint").GetString()!;
            var trigger = f.GetProperty("bindings").EnumerateArray()
                .FirstOrDefault(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
            var type = trigger.ValueKind == JsonValueKind.Object ? trigger.GetProperty("type").GetString()! : "";
            var kind = type.ToLowerInvariant() switch
            {
                "httptrigger" => TriggerKind.Http,
                "timertrigger" => TriggerKind.Timer,
                "queuetrigger" => TriggerKind.Queue,
                _ => TriggerKind.Other,
            };
            string? Get(string property) => trigger.ValueKind == JsonValueKind.Object && trigger.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var methods = trigger.ValueKind == JsonValueKind.Object && trigger.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToList()
                : kind == TriggerKind.Http ? ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] : [];
            result.Add(new FunctionDefinition(name, entryPoint, kind, Get("route") ?? (kind == TriggerKind.Http ? name : null), methods,
                Get("authLevel"), Get("schedule"), Get("queueName")));
        }
        return result;
    }
}
