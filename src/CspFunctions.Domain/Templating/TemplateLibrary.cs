using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;

namespace CspFunctions.Templating;

/// <summary>Scriban templates kept as files in the repo (embedded resources, Chasing/Templates and Reporting/Templates), parsed once and cached.</summary>
public static class TemplateLibrary
{
    private static readonly ConcurrentDictionary<string, Template> Cache = new();

    /// <summary>Scriban's built-in functions, built once: building them costs more than rendering a small template,
    /// and templates never write to them.</summary>
    public static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();

    public static Template Get(string name) => Cache.GetOrAdd(name, static n =>
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith(".Templates." + n, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Template '{n}' is not embedded.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), n);
        if (template.HasErrors) throw new InvalidOperationException($"Template '{n}' has errors: {string.Join("; ", template.Messages)}");
        return template;
    });

    /// <summary>Renders with the model's properties in snake_case (LeadName is lead_name); unknown names are errors.</summary>
    public static string Render(string name, object model)
    {
        var globals = new ScriptObject();
        globals.Import(model);
        var context = new TemplateContext(Builtins) { StrictVariables = true, LoopLimit = 0 };
        context.PushGlobal(globals);
        return Get(name).Render(context);
    }
}
