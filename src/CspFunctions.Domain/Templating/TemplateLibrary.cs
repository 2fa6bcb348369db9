using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>Scriban templates kept as files in the repo (embedded resources, Chasing/Templates and Reporting/Templates),
/// parsed once, given member-read caches (<see cref="MemberReadCache"/>; for HTML, statement runs, <see cref="StatementRun"/>)
/// and kept.</summary>
public static class TemplateLibrary
{
    private static readonly ConcurrentDictionary<string, ScriptPage> Cache = new();

    /// <summary>How many characters each template (a page: its body in the layout) wrote last time, to size the next output.</summary>
    private static readonly ConcurrentDictionary<string, LastLength> Lengths = new();

    private sealed class LastLength
    {
        public int Chars;
    }

    /// <summary>Scriban's built-in functions, built once: building them costs more than rendering a small template,
    /// and templates never write to them.</summary>
    public static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();

    public static ScriptPage Get(string name) => _withoutRuns
        ? PlainCache.GetOrAdd(name, static n => Parse(Source(n), n, runs: false))
        : (_fresh ?? Cache).GetOrAdd(name, static n => Parse(Source(n), n, runs: n.EndsWith(".html.sbn", StringComparison.Ordinal)));

    // Tests only: templates this thread gets while set, parsed afresh (see FreshParses).
    [ThreadStatic] private static ConcurrentDictionary<string, ScriptPage>? _fresh;

    /// <summary>Tests only: until disposed, templates this thread gets are parsed afresh and kept apart, so a test can look at
    /// what its own renders did to them (which loops ran sealed, say) whatever other tests rendered. Production code never calls it.</summary>
    internal static IDisposable FreshParses()
    {
        _fresh = new ConcurrentDictionary<string, ScriptPage>();
        return new FreshBack();
    }

    private sealed class FreshBack : IDisposable
    {
        public void Dispose() => _fresh = null;
    }

    /// <summary>Tests only: the HTML templates as plain Scriban evaluates them (no <see cref="StatementRun"/>s), kept apart.</summary>
    private static readonly ConcurrentDictionary<string, ScriptPage> PlainCache = new();

    [ThreadStatic] private static bool _withoutRuns;

    /// <summary>Tests only: until disposed, templates this thread gets are parsed without statement runs, so a test can
    /// compare what a page renders with and without them. Production code never calls it.</summary>
    internal static IDisposable WithoutRuns()
    {
        _withoutRuns = true;
        return new RunsBack();
    }

    private sealed class RunsBack : IDisposable
    {
        public void Dispose() => _withoutRuns = false;
    }

    private static string Source(string name)
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith(".Templates." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Template '{name}' is not embedded.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses a template's text and gives it member-read caches and, if <paramref name="runs"/>, statement runs.</summary>
    internal static ScriptPage Parse(string text, string name, bool runs)
    {
        var template = Template.Parse(text, name);
        if (template.HasErrors || template.Page is null) throw new InvalidOperationException($"Template '{name}' has errors: {string.Join("; ", template.Messages)}");
        return MemberReadCache.Apply(template.Page, runs);
    }

    /// <summary>A context for the named template: strict about unknown names, with no cap on the output's length (Scriban's
    /// default silently cuts output at 1 MiB, which a large plan's report passes); for *.html.sbn, one that HTML-encodes
    /// everything the template writes.</summary>
    public static TemplateContext NewContext(string name)
    {
        var context = name.EndsWith(".html.sbn", StringComparison.Ordinal) ? new HtmlTemplateContext(Builtins) : new TemplateContext(Builtins);
        context.StrictVariables = true;
        context.LimitToString = 0;
        return context;
    }

    /// <summary>Renders the named template in a context made by <see cref="NewContext"/> and filled by the caller.</summary>
    public static string Render(string name, TemplateContext context) => Render(Get(name), name, context);

    /// <summary>Renders a parsed template into a builder sized by what <paramref name="sizeKey"/> wrote last time (see
    /// <see cref="OutputBuffers"/>).</summary>
    internal static string Render(ScriptPage page, string sizeKey, TemplateContext context)
    {
        var last = Lengths.GetOrAdd(sizeKey, static _ => new LastLength());
        var builder = OutputBuffers.Rent(Volatile.Read(ref last.Chars));
        context.PushOutput(new StringBuilderOutput(builder));
        try
        {
            context.Evaluate(page);
            var text = builder.ToString();
            Volatile.Write(ref last.Chars, text.Length);
            return text;
        }
        finally
        {
            context.PopOutput();
            OutputBuffers.Return(builder);
        }
    }

    /// <summary>Renders with the model's properties in snake_case (LeadName is lead_name); unknown names are errors.</summary>
    public static string Render(string name, object model)
    {
        var globals = new ScriptObject();
        globals.Import(model);
        var context = NewContext(name);
        context.LoopLimit = 0;
        context.PushGlobal(globals);
        return Render(name, context);
    }
}
