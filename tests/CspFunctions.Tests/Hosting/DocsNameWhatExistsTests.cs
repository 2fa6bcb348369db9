using System.Reflection;
using System.Text.RegularExpressions;
using CspFunctions.LocalHost;
using CspFunctions.Observability;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Hosting;

/// <summary>Every function, setting and counter that docs/ (and the README) name exists in the code, so a rename or a
/// removal cannot leave the docs describing something that is not there.</summary>
public sealed partial class DocsNameWhatExistsTests
{
    private static readonly string Root = RepoPaths.FindRoot();

    private static IEnumerable<(string File, string Text)> Docs() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md"))
            .Select(f => (Path.GetRelativePath(Root, f), File.ReadAllText(f)));

    private static readonly Assembly App = LocalFunctionHost.FunctionsAssembly;

    private static HashSet<string> FunctionNames() => App.GetTypes()
        .SelectMany(t => t.GetMethods())
        .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name).OfType<string>().ToHashSet();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:Timer|Function)\b")]
    private static partial Regex FunctionLike();

    [Fact]
    public void Every_function_or_function_class_the_docs_name_exists()
    {
        var types = App.GetTypes().Select(t => t.Name).Concat(typeof(CspFunctions.Chasing.ChaseSweep).Assembly.GetTypes().Select(t => t.Name)).ToHashSet();
        var functions = FunctionNames();
        var missing = Docs().SelectMany(d => FunctionLike().Matches(d.Text).Select(m => (d.File, Name: m.Value)))
            .Where(x => !types.Contains(x.Name) && !functions.Contains(x.Name))
            .Select(x => $"{x.File}: {x.Name}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Named in the docs but not in the code: " + string.Join(", ", missing));
        // The architecture doc's function table is checked name by name in SourceLayoutTests.
    }

    [GeneratedRegex(@"\b(?:Csp__[A-Za-z]+(?:__[A-Za-z0-9<>*]+)*|Csp:[A-Za-z]+(?::[A-Za-z0-9]+)+|AzureWebJobsStorage(?:__[A-Za-z]+)?|APPLICATIONINSIGHTS_[A-Z_]+)")]
    private static partial Regex SettingLike();

    [Fact]
    public void Every_app_setting_the_docs_name_is_one_the_code_reads()
    {
        var known = typeof(Settings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true, FieldType: var t } && t == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => !v.StartsWith('@')).ToList();
        var envNames = known.Select(Settings.EnvName).ToHashSet();
        bool Exists(string name)
        {
            var env = Settings.EnvName(name).TrimEnd('_');
            if (envNames.Contains(env)) return true;
            // A setting family: Csp__LinkSigning__Keys__<id>, Csp__LinkSigning__* and the like.
            return envNames.Any(k => env.StartsWith(k + "__", StringComparison.Ordinal)) || (env.EndsWith("__*", StringComparison.Ordinal) && envNames.Any(k => k.StartsWith(env[..^1], StringComparison.Ordinal)));
        }
        var missing = Docs().SelectMany(d => SettingLike().Matches(d.Text).Select(m => (d.File, Name: m.Value)))
            .Where(x => !Exists(x.Name)).Select(x => $"{x.File}: {x.Name}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Settings named in the docs that the code does not read: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_counters_the_docs_list_are_exactly_the_ones_the_app_emits()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<CspTelemetry>().BuildServiceProvider();
        var meter = services.GetRequiredService<CspTelemetry>().Meter;
        var instruments = new List<string>();
        using (var listener = new System.Diagnostics.Metrics.MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) => { if (ReferenceEquals(instrument.Meter, meter)) instruments.Add(instrument.Name); };
            listener.Start();
        }
        Assert.NotEmpty(instruments);

        var doc = File.ReadAllText(Path.Combine(Root, "docs", "observability.md"));
        var section = doc[doc.IndexOf("## Counters", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var documented = Regex.Matches(section, @"^\| `([a-z_]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(instruments.Order(), documented.Order());

        // Any other counter-like name anywhere in the docs (a `snake_case` name said to be a counter or metric) exists too.
        var mentioned = Docs().SelectMany(d => Regex.Matches(d.Text, @"`([a-z]+(?:_[a-z]+)+)` (?:counter|metric)").Select(m => m.Groups[1].Value));
        Assert.All(mentioned, name => Assert.Contains(name, instruments));
    }
}
