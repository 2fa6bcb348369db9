using System.Globalization;
using AngleSharp.Html.Parser;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Templating;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CspFunctions.Tests.Reporting;

/// <summary>How the HTML templates render: every value encoded exactly once, nothing cut short, and the member-read cache
/// giving the same bytes as Scriban on its own.</summary>
public sealed class HtmlTemplateTests
{
    private static string Render(string source, object model, bool cached = false, Type? contextType = null)
    {
        var template = Template.Parse(source);
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        var page = cached ? MemberReadCache.Apply(template.Page!) : template.Page!;
        var context = contextType == typeof(TemplateContext) ? new TemplateContext(TemplateLibrary.Builtins) : new HtmlTemplateContext(TemplateLibrary.Builtins);
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        context.LimitToString = 0;
        context.PushCulture(CultureInfo.InvariantCulture);
        var globals = new ScriptObject();
        globals.Import(model);
        context.PushGlobal(globals);
        context.Evaluate(page);
        return context.Output.ToString()!;
    }

    [Fact]
    public void Every_value_an_html_template_writes_is_encoded_once()
    {
        var html = Render("<p title=\"{{ text }}\">{{ text }}</p>{{ number }}|{{ flag }}|{{ nothing }}|{{ names }}|{{ blocks }}", new
        {
            Text = "<script>alert('x')</script> & \"quotes\"",
            Number = 12345,
            Flag = true,
            Nothing = (string?)null,
            Names = new[] { "Police & Fire", "<Probation>" },
            Blocks = TextBlocks.Parse("First <b>para</b>\nsecond line\n\n- one & two\n- <three>"),
        });

        Assert.Equal("<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</p>"
            + "12345|true||Police &amp; Fire<br>&lt;Probation&gt;|<p>First &lt;b&gt;para&lt;/b&gt;<br>second line</p><ul><li>one &amp; two</li><li>&lt;three&gt;</li></ul>", html);
    }

    [Fact]
    public void Html_templates_do_not_also_escape_by_hand()
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        var html = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".html.sbn", StringComparison.Ordinal)).ToList();
        var files = Directory.EnumerateFiles(Path.Combine(CspFunctions.LocalHost.RepoPaths.FindRoot(), "src"), "*.html.sbn", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(files, html.Select(n => n[(n.IndexOf(".Templates.", StringComparison.Ordinal) + ".Templates.".Length)..]).Order().ToList());
        foreach (var name in html)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var source = reader.ReadToEnd();
            Assert.DoesNotContain("html.escape", source);
            Assert.DoesNotContain("text_html", source);
        }
    }

    [Fact]
    public void A_report_larger_than_a_megabyte_is_rendered_whole()
    {
        // Scriban cuts output at 1 MiB by default (LimitToString) and says nothing: a 3,000-action plan passes that.
        var report = ReportBuilder.Build(LargePlan(3_000), ReportAudience.Board);
        var html = ReportTemplates.Render(ReportTemplates.Html, report);
        Assert.True(html.Length > 1_048_576 * 3 / 2, $"the test needs a report well over 1 MiB, got {html.Length:N0} characters");

        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(3_000, doc.QuerySelectorAll("table.plan tbody tr").Length);
        Assert.Equal("Action 3000: deliver the <partnership> plan for area 3000.", doc.QuerySelector("#action-3000 td.action p")!.TextContent);
        Assert.Equal("meetings with partners", doc.QuerySelector("#action-2999 td.progress li")!.TextContent);
        Assert.EndsWith("</html>\n", html);
    }

    [Fact]
    public void The_member_read_cache_renders_the_same_bytes_as_scriban_alone()
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        using var reader = new StreamReader(assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith(".report.html.sbn", StringComparison.Ordinal)))!);
        var source = reader.ReadToEnd();
        var inputs = ReportData.Inputs(updates: ReportData.SampleUpdates().Where(u => u.ActionNumber % 5 != 0).ToList());
        foreach (var audience in new[] { ReportAudience.Board, ReportAudience.Manager })
        {
            var report = ReportBuilder.Build(inputs, audience);
            var model = new { Report = report, Chart = PerformanceChart.For(report) };
            var plain = Render(source, model);
            Assert.Contains("No update received", plain);
            Assert.Equal(plain, Render(source, model, cached: true));
        }
    }

    [Fact]
    public void The_member_read_cache_follows_the_type_at_each_place_and_leaves_other_objects_to_scriban()
    {
        // One place in the template reads .name from two record types in turn, a ScriptObject and an anonymous object.
        const string source = "{{ for x in items }}[{{ x.name }}]{{ end }}";
        var items = new object[]
        {
            new Lead("l1", "Lead & one", []),
            new Contact("Contact one", "c1@example.org"),
            new Lead("l2", "Lead two", []),
            new ScriptObject { ["name"] = "script object" },
            new { Name = "anonymous" },
        };
        const string expected = "[Lead &amp; one][Contact one][Lead two][script object][anonymous]";
        Assert.Equal(expected, Render(source, new { Items = items }));
        Assert.Equal(expected, Render(source, new { Items = items }, cached: true));
    }

    [Fact]
    public void The_member_read_cache_keeps_scribans_errors_and_unknown_members()
    {
        var model = new { Row = new ReportDocument("Strategy.pdf", null), Missing = (ReportDocument?)null };
        foreach (var contextType in new[] { typeof(TemplateContext), typeof(HtmlTemplateContext) })
        {
            var unknownPlain = Assert.Throws<ScriptRuntimeException>(() => Render("[{{ row.no_such_member }}]", model, contextType: contextType));
            var unknownCached = Assert.Throws<ScriptRuntimeException>(() => Render("[{{ row.no_such_member }}]", model, cached: true, contextType: contextType));
            Assert.Contains("no_such_member", unknownCached.Message);
            Assert.Equal(unknownPlain.Message, unknownCached.Message);
        }
        var plain = Assert.Throws<ScriptRuntimeException>(() => Render("{{ missing.title }}", model));
        var cached = Assert.Throws<ScriptRuntimeException>(() => Render("{{ missing.title }}", model, cached: true));
        Assert.Equal(plain.Message, cached.Message);
    }

    [Fact]
    public void One_parsed_report_template_renders_correctly_on_many_threads_at_once()
    {
        var reports = new[]
        {
            ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Board),
            ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Manager),
            ReportBuilder.Build(LargePlan(200), ReportAudience.Board),
        };
        var expected = reports.Select(r => ReportTemplates.Render(ReportTemplates.Html, r)).ToArray();
        var results = new string[48];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = ReportTemplates.Render(ReportTemplates.Html, reports[i % reports.Length]));
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % reports.Length], results[i]);
    }

    private static ReportInputs LargePlan(int actions)
    {
        var priorities = Enumerable.Range(1, 5).Select(i => new Priority($"p{i}", $"Priority {i}")).ToList();
        var leads = Enumerable.Range(1, 20).Select(i => new Lead($"l{i}", $"Lead agency {i}", [new Contact($"Contact {i}", $"c{i}@example.org")])).ToList();
        var list = Enumerable.Range(1, actions).Select(n => new PlanAction(n, priorities[(n - 1) * priorities.Count / actions].Id,
            $"Action {n}: deliver the <partnership> plan for area {n}.\n\n- first step\n- second step", [leads[n % leads.Count].Id], [])).ToList();
        var plan = new Plan("big", "A large plan", 2024, "Europe/London", "An introduction.", [new Contact("M", "m@example.org")], priorities, leads, list);
        var round = ReportingRound.For("big", new FinancialYear(2024).Quarter(2), new DateOnly(2024, 10, 20));
        var updates = list.Where(a => a.Number % 7 != 0).Select(a => new ProgressUpdate("big", round.Id, a.Number, 1, ProgressStatus.OnTrack, Rag.Green,
            $"Progress on {a.Number} is steady, with a longer paragraph that a real lead would write about the quarter's work and its partners.\n\nActivity has included:\n\n- meetings with partners\n- a \"review\" of cases & data",
            "Lead", null, new DateTimeOffset(2024, 10, 10, 9, 0, 0, TimeSpan.Zero), UpdateChannel.Form)).ToList();
        return new ReportInputs(plan, round, updates, [], [], null);
    }
}
