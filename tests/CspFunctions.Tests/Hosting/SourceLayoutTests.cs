using System.Reflection;
using System.Text.RegularExpressions;
using CspFunctions.LocalHost;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Tests.Hosting;

/// <summary>The house rules about where code lives: one type per file, named for it, and docs that name what exists.</summary>
public sealed partial class SourceLayoutTests
{
    private static readonly string Root = RepoPaths.FindRoot();

    [GeneratedRegex(@"^(?:public |internal |file )?(?:(?:static|sealed|abstract|readonly|partial) )*(?:record struct|class|record|interface|enum|struct) ([A-Za-z0-9_]+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    [Fact]
    public void Every_source_file_holds_one_top_level_type_named_for_it()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles())
        {
            if (Path.GetFileName(file) == "Program.cs") continue;
            var types = TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            if (types.Count != 1 || types[0] != Path.GetFileNameWithoutExtension(file))
                wrong.Add($"{Path.GetRelativePath(Root, file)}: {string.Join(", ", types)}");
        }
        Assert.True(wrong.Count == 0, "Files that do not hold exactly the one type they are named for:\n" + string.Join("\n", wrong));
    }

    [GeneratedRegex(@"(?<!\?)</?(?:p|br|ul|ol|li|a|div|span|table|tr|td|th|h[1-6]|strong|em|b|i|html|body|head|title|style|script|form|input|button|label|select|option|textarea|section|main|nav|header|footer|dl|dt|dd|code|pre|blockquote|figure|figcaption|caption|thead|tbody|small|iframe|meta|link|img|svg)(?=[\s>/])")]
    private static partial Regex HtmlTag();

    /// <summary>Pages and mails are written in *.html.sbn templates. The one exception is the encoder itself
    /// (Templating/HtmlTemplateContext and PlainTextHtml), which writes the HTML form of the plan's plain text.</summary>
    [Fact]
    public void No_csharp_under_src_writes_html_tags()
    {
        string[] encoder = ["HtmlTemplateContext.cs", "PlainTextHtml.cs"];
        var found = new List<string>();
        foreach (var file in SourceFiles().Where(f => !encoder.Contains(Path.GetFileName(f))))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal)) continue;
                if (HtmlTag().IsMatch(code)) found.Add($"{Path.GetRelativePath(Root, file)}:{i + 1}: {code}");
            }
        }
        Assert.True(found.Count == 0, "HTML in C# (write it in a template):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_for_html_in_csharp_finds_markup()
    {
        Assert.Matches(HtmlTag(), "var html = $\"<p class=\\\"ok\\\">{text}</p>\";");
        Assert.Matches(HtmlTag(), "        <table><caption>Priorities</caption>");
        Assert.DoesNotMatch(HtmlTag(), "IReadOnlyList<string> names = new List<string>();");
        Assert.DoesNotMatch(HtmlTag(), "[GeneratedRegex(@\"^(?<title>[^<]*)<(?<url>https?://[^>]+)>$\")]");
    }

    [Fact]
    public void Architecture_doc_names_every_function()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "architecture.md"));
        var functions = typeof(Setup.Settings).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .ToList();
        Assert.True(functions.Count > 10);
        Assert.All(functions, name => Assert.Matches($@"\b{name}\b", doc));
        foreach (Match named in Regex.Matches(doc, @"^\| ([A-Za-z]+)(?:, ([A-Za-z]+))*(?:, ([A-Za-z]+))? \(`", RegexOptions.Multiline))
        {
            foreach (var group in named.Groups.Cast<Group>().Skip(1).Where(g => g.Success))
                foreach (Capture capture in group.Captures)
                    Assert.Contains(capture.Value, functions);
        }
    }

    [Fact]
    public void Readme_layout_names_every_app_folder()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (var project in new[] { "CspFunctions", "CspFunctions.Domain" })
        {
            var folders = Directory.EnumerateDirectories(Path.Combine(Root, "src", project))
                .Select(Path.GetFileName)
                .Where(f => f is not ("bin" or "obj" or "Properties"))
                .ToList();
            Assert.All(folders, folder => Assert.Contains($"`{folder}/`", readme));
        }
    }
}
