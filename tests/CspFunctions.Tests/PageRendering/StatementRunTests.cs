using System.Globalization;
using CspFunctions.Bench;
using CspFunctions.Chasing;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Templating;
using CspFunctions.Tests.Reporting;
using CspFunctions.Workbench;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CspFunctions.Tests.PageRendering;

/// <summary>StatementRun (the merge of writing statements of an *.html.sbn template) must write exactly what plain Scriban
/// writes in the same HtmlTemplateContext: for the repo's pages with representative models, and for small templates that
/// each exercise one thing a run does (or must leave alone).</summary>
public sealed class StatementRunTests
{
    private static readonly DateTimeOffset At = new(2024, 10, 10, 9, 30, 0, TimeSpan.Zero);

    // ---- synthetic templates ----

    public static TheoryData<string, string> Synthetic() => new()
    {
        { "raw text only", "<p class=\"a\">Plain & simple</p>\n<ul>\n  <li>one</li>\n</ul>\n" },
        { "member writes", "<h1>{{ layout.title }}</h1><p>{{ layout.full_title }} {{ layout.plan_name }} {{ layout.has_errors }}</p>" },
        { "global variable writes", "<p>{{ text }}|{{ empty }}|{{ nothing }}|{{ zero }}|{{ number }}|{{ negative }}|{{ real }}|{{ yes }}|{{ no }}</p>" },
        { "dates", "<time>{{ moment }}</time><time>{{ day }}</time><time>{{ offset }}</time>" },
        { "values needing encoding", "<p title=\"{{ quoted }}\">{{ markup }}{{ amp }}{{ non_latin }}{{ layout.title }}</p>" },
        { "lists and text blocks", "<p>{{ lines }}</p><div>{{ nested.lines }}</div>" },
        { "nested member paths", "<a href=\"{{ nested.crumb.href }}\">{{ nested.crumb.text }}</a>{{ nested.missing }}" },
        { "if without else", "<p>{{ if yes }}<b>{{ text }}</b>{{ end }}{{ if no }}never{{ end }}{{ if nothing }}null{{ end }}</p>" },
        { "if/else", "{{ if no }}<i>no</i>{{ else }}<b>{{ markup }}</b>{{ end }}|{{ if yes }}Y{{ else }}N{{ end }}" },
        { "if/else if/else", "{{ for n in numbers }}{{ if n == 1 }}one{{ else if n == 2 }}two{{ else if n > 5 }}big {{ n }}{{ else }}other {{ n }}{{ end }};{{ end }}" },
        { "else if without else", "{{ for n in numbers }}{{ if n == 1 }}one{{ else if n == 2 }}two{{ end }}.{{ end }}" },
        { "nested ifs", "{{ if yes }}<a>{{ if no }}x{{ else }}{{ if text }}<b>{{ text }}</b>{{ else }}none{{ end }}{{ end }}</a>{{ end }}" },
        { "conditions that are values", "{{ if empty }}E{{ end }}{{ if zero }}Z{{ end }}{{ if text }}T{{ end }}{{ if lines }}L{{ end }}{{ if layout.crumbs }}C{{ end }}{{ if layout.contact }}P{{ end }}" },
        { "ifs inside for loops", "<ul>{{ for c in crumbs }}<li{{ if for.first }} class=\"first\"{{ end }}>{{ if c.href }}<a href=\"{{ c.href }}\">{{ c.text }}</a>{{ else }}{{ c.text }}{{ end }}{{ for.index }}</li>{{ end }}</ul>" },
        { "assignment before and after", "<p>{{ text }}</p>{{ x = markup }}<p>{{ x }}{{ if x }}set{{ end }}</p>{{ y = 3 }}{{ y }}" },
        { "for loop breaking a run", "a{{ text }}{{ for n in numbers }}[{{ n }}]{{ end }}b{{ markup }}{{ for c in crumbs }}{{ c.text }}{{ end }}" },
        { "capture", "<p>{{ text }}</p>{{ capture c }}<i>{{ markup }}</i>{{ if yes }}Y{{ end }}{{ end }}<p>{{ c }}</p>{{ c | string.size }}" },
        { "function calls", "<p>{{ text }}</p>{{ string.upcase markup }}<p>{{ markup | string.downcase }}</p>{{ array.size numbers }}{{ if yes }}{{ 'a<b' | string.append '&' }}{{ end }}" },
        { "user function and function members", "{{ func greet; ret '<hi>'; end }}<p>{{ greet }}</p>{{ fns.hello }}|{{ if yes }}{{ greet }}{{ fns.hello }}{{ end }}" },
        { "function bodies that write", "{{ func box }}<b>{{ text }}</b>{{ if yes }}{{ markup }}{{ end }}{{ end }}<p>{{ box }}</p>{{ func shout(x) }}[{{ x }}]{{ end }}{{ shout markup }}" },
        { "include", "<p>{{ text }}</p>{{ include 'part' }}<p>{{ markup }}</p>{{ if yes }}{{ include 'part' }}{{ end }}" },
        { "whitespace control", "<ul>\n  {{~ for c in crumbs ~}}\n  <li>{{~ c.text ~}}</li>\n  {{~ if for.last ~}}\n  <li>last</li>\n  {{~ else ~}}\n\n  {{~ end ~}}\n  {{~ end ~}}\n</ul>\n{{~ if yes -}}\n   yes  {{- text -}}  \n{{~ end ~}}\n" },
        { "empty blocks", "{{ if yes }}{{ end }}{{ if no }}{{ else }}{{ end }}{{ if yes }}{{ else if no }}{{ else }}{{ end }}{{ for c in crumbs }}{{ end }}{{ capture e }}{{ end }}[{{ e }}]" },
        { "break and continue in loops", "{{ for n in numbers }}{{ if n == 2 }}{{ continue }}{{ end }}<{{ n }}>{{ if n > 5 }}{{ break }}{{ end }}{{ end }}" },
        { "expressions that are not plain reads", "{{ number + 1 }}{{ text + markup }}{{ numbers[0] }}{{ 'lit<' }}{{ 7 }}{{ (text) }}{{ yes && no }}" },
        { "a run at the start and end of a loop body", "{{ for c in crumbs }}{{ c.text }}{{ if for.even }}E{{ end }}{{ x = c.href }}{{ x }}|{{ end }}" },
    };

    /// <summary>Loops whose body is one run (DirectForStatement), and the loops it must leave to Scriban.</summary>
    public static TheoryData<string, string> Loops() => new()
    {
        { "a loop of member writes", "<ul>{{ for c in crumbs }}<li><a href=\"{{ c.href }}\">{{ c.text }}</a></li>{{ end }}</ul>" },
        { "nested loops reading the outer item", "{{ for c in crumbs }}<li>{{ c.text }}{{ for n in numbers }}[{{ n }} {{ c.href }}{{ if c.href }}!{{ end }}]{{ end }}</li>{{ end }}" },
        { "three levels", "{{ for c in crumbs }}{{ for n in numbers }}{{ for l in lines }}{{ c.text }}{{ n }}{{ l }};{{ end }}{{ end }}{{ end }}" },
        { "loop variable shadowing a global", "{{ text }}|{{ for text in lines }}<{{ text }}>{{ end }}|{{ text }}|{{ for layout in crumbs }}{{ layout.text }}{{ end }}|{{ layout.title }}" },
        { "inner loop shadowing the outer variable", "{{ for c in crumbs }}({{ c.text }}:{{ for c in nested.lines }}{{ c }},{{ end }}{{ c.text }}){{ end }}" },
        { "same variable in sibling loops", "{{ for c in crumbs }}{{ c.text }}{{ end }}|{{ for c in lines }}{{ c }}{{ end }}|{{ for c in crumbs }}{{ c.href }}{{ end }}" },
        { "empty list", "[{{ for c in none }}x{{ c.text }}{{ end }}]" },
        { "null list", "[{{ for c in nothing }}x{{ c.text }}{{ end }}]" },
        { "for else", "{{ for c in none }}x{{ else }}none: {{ markup }}{{ end }}|{{ for c in crumbs }}{{ c.text }}{{ else }}never{{ end }}|{{ for c in nothing }}x{{ else }}null has no else{{ end }}" },
        { "for.* in the body", "{{ for s in same }}{{ for.index }}/{{ for.length }}/{{ for.rindex }}{{ if for.first }}F{{ end }}{{ if for.last }}L{{ end }}{{ if for.even }}E{{ end }}{{ if for.odd }}O{{ end }}{{ if for.changed }}C{{ end }}{{ s }};{{ end }}" },
        { "for.* of the outer loop after an inner one", "{{ for c in crumbs }}{{ for n in numbers }}{{ for.index }}{{ end }}|{{ for.index }}{{ c.text }};{{ end }}" },
        { "loop variable in conditions and operators", "{{ for n in numbers }}{{ if n > 2 && n != 6 }}{{ n }}{{ else if !(n == 1) }}-{{ end }}{{ end }}{{ for c in crumbs }}{{ if (c.href) && c.text }}{{ c.text }}{{ end }}{{ end }}" },
        { "items that are not model records", "{{ for o in objects }}{{ o.name }}={{ o.value }}{{ if o.flag }}!{{ end }};{{ end }}{{ for ch in amp }}{{ ch }},{{ end }}{{ for d in days }}{{ d }}{{ end }}" },
        { "lists and text blocks as items", "{{ for ls in nested_lists }}<p>{{ ls }}</p>{{ end }}" },
        { "a function the body calls reads the item and for.*", "{{ func show }}{{ c.text }}@{{ for.index }}{{ end }}{{ for c in crumbs }}<{{ show }}>{{ end }}" },
        { "a function with its own loop called from a loop", "{{ func rows }}{{ for n in numbers }}{{ c.text }}{{ n }}{{ end }}{{ end }}{{ for c in crumbs }}[{{ rows }}]{{ end }}" },
        { "named arguments are Scriban's", "{{ for n in numbers limit:2 }}{{ n }}{{ end }}|{{ for n in numbers offset:1 reversed }}{{ n }}{{ end }}" },
        { "loops with break, continue or assignments are Scriban's", "{{ for n in numbers }}{{ if n == 3 }}{{ break }}{{ end }}{{ n }}{{ end }}|{{ for n in numbers }}{{ m = n }}{{ m }}{{ end }}" },
        { "a loop inside a capture", "{{ capture x }}{{ for c in crumbs }}<{{ c.text }}>{{ end }}{{ end }}{{ x }}|{{ x | string.size }}" },
        { "tablerow", "<table>{{ tablerow n in numbers cols:2 }}{{ n }}{{ end }}</table>" },
        // Sealed loops (no Scriban loop state) and what makes them bail out and write themselves again the ordinary way.
        { "sealed loop with conditions on members", "{{ for c in crumbs }}{{ if c.href != '' && !(c.text == 'x') }}<a href=\"{{ c.href }}\">{{ c.text }}</a>{{ else if c.href == '' || c.text < 'b' }}{{ c.text }}{{ end }};{{ end }}" },
        { "sealed loops nested, reading outer items and globals", "{{ for c in crumbs }}({{ for d in crumbs }}{{ d.text }}/{{ c.href }}/{{ layout.title }}{{ if d.href }}!{{ end }},{{ end }}){{ end }}" },
        { "a sealed loop meeting another kind of item midway", "{{ for m in mixed }}<{{ m.text }}|{{ m.href }}>{{ end }}" },
        { "an inner loop meeting another kind of outer item", "{{ for o in mixed }}[{{ for c in crumbs }}{{ c.text }}/{{ o.text }};{{ end }}]{{ end }}" },
        { "a function member inside a sealed loop", "{{ for c in crumbs }}<{{ c.text }}{{ fns.hello }}>{{ end }}|{{ for c in crumbs }}{{ if fns.hello }}{{ c.text }}{{ end }}{{ end }}" },
        { "a null on the path inside a sealed loop", "{{ for c in crumbs }}<{{ c.text }}:{{ layout.contact?.name }}>{{ end }}" },
        { "sizes of lists and arrays, in and out of loops", "{{ numbers.size }}|{{ lines.size }}|{{ objects.size }}|{{ layout.crumbs.size }}|{{ none.size }}|{{ for ls in nested_lists }}{{ ls.size }}{{ if ls.size == 0 }}none{{ else if ls.size > 1 }}many{{ end }};{{ end }}|{{ if layout.crumbs.size > 1 }}{{ for c in layout.crumbs }}{{ c.text }}{{ end }}{{ end }}" },
        { "typed bodies: paths with a null on the way, flags, numbers, lists", "{{ for p in layouts }}<{{ p.title }}|{{ p.contact?.name }}|{{ if p.contact?.email }}{{ p.contact.email }}{{ else }}none{{ end }}|{{ if p.has_errors }}E{{ end }}{{ p.has_errors }}|{{ p.crumbs.size }}|{{ for c in p.crumbs }}{{ c.text }}{{ p.title }}{{ end }}>{{ end }}" },
        { "typed bodies: items of two model types", "{{ for m in models }}{{ m.text }}:{{ m.href }}{{ if m.href }}!{{ end }};{{ end }}" },
        { "a function reading the item, called through a member path", "{{ func current; ret c; end }}{{ for c in crumbs }}{{ current.text }};{{ if current.href }}!{{ end }}{{ end }}" },
        { "a loop over a function's list inside a loop", "{{ func kids; ret c.text; end }}{{ for c in crumbs }}[{{ for k in kids }}{{ k }}{{ end }}]{{ end }}" },
        { "a two-dimensional array", "{{ for n in grid }}{{ n }},{{ end }}{{ for c in crumbs }}{{ for n in grid }}{{ n }}{{ c.text }}{{ end }}{{ end }}" },
        { "a loop over an outer item inside sealed loops", "{{ for ls in nested_lists }}<{{ for l in ls }}{{ l }};{{ end }}>{{ end }}|{{ for m in mixed }}{{ for c in crumbs }}{{ for l in lines }}{{ l }}{{ c.text }}{{ end }}{{ end }}{{ end }}" },
        { "a list of lists inside a sealed loop", "{{ for c in crumbs }}{{ for l in nested.lines }}{{ l }}{{ c.text }}{{ end }};{{ end }}" },
    };

    [Theory]
    [MemberData(nameof(Loops))]
    public void A_loop_renders_the_same_with_and_without_statement_runs(string name, string source)
    {
        var merged = TemplateLibrary.Parse(source, name + ".html.sbn", runs: true);
        var plain = TemplateLibrary.Parse(source, name + ".html.sbn", runs: false);
        Assert.DoesNotContain(typeof(DirectForStatement), LoopTypes(plain));

        var expected = RenderSynthetic(plain);
        // Plain is Scriban with the member-read caches; Scriban as it comes must agree too.
        Assert.Equal(RenderSynthetic(Template.Parse(source, name + ".html.sbn").Page!), expected);
        // Three times: the first render runs each loop interpreted, later ones (each loop's second run on) compiled.
        for (var i = 0; i < 3; i++) Assert.Equal(expected, RenderSynthetic(merged));
    }

    [Theory]
    [InlineData("a loop of member writes", 1)]
    [InlineData("nested loops reading the outer item", 2)]
    [InlineData("three levels", 3)]
    [InlineData("inner loop shadowing the outer variable", 2)]
    [InlineData("for.* in the body", 1)]
    [InlineData("a function with its own loop called from a loop", 2)]
    [InlineData("named arguments are Scriban's", 0)]
    [InlineData("loops with break, continue or assignments are Scriban's", 0)]
    [InlineData("tablerow", 0)]
    public void Loops_whose_body_is_one_run_become_direct_and_the_others_stay_Scriban_s(string name, int direct)
    {
        var source = Loops().Single(row => (string)row[0] == name)[1].ToString()!;
        var types = LoopTypes(TemplateLibrary.Parse(source, name + ".html.sbn", runs: true));
        Assert.Equal(direct, types.Count(t => t == typeof(DirectForStatement)));
    }

    /// <summary>The break check: the direct loop's output written out by hand, so a wrong item (the outer loop's read one level
    /// off, a shadowed variable taken from the wrong loop, a stale item after an inner loop) fails even if plain Scriban agreed.</summary>
    [Fact]
    public void Direct_loops_write_the_right_item_at_each_level()
    {
        var source = "{{ for c in crumbs }}<{{ c.text }}|{{ for n in numbers }}{{ n }}{{ c.href }}{{ end }}|{{ for c in lines }}{{ c }}{{ end }}|{{ c.href }}>{{ end }}[{{ for c in none }}x{{ else }}empty{{ end }}]";
        var page = TemplateLibrary.Parse(source, "break-check.html.sbn", runs: true);
        Assert.Equal(4, LoopTypes(page).Count(t => t == typeof(DirectForStatement)));
        const string h1 = "/a?b=1&amp;c=&lt;2&gt;";
        string Numbers(string href) => string.Concat(new[] { 1, 2, 3, 6, 9 }.Select(n => n + href));
        var lines = "first &lt;line&gt;second &amp; last";
        var expected = $"<Home &amp; away|{Numbers(h1)}|{lines}|{h1}><Plan &quot;x&quot;|{Numbers("")}|{lines}|>[empty]";
        Assert.Equal(expected, RenderSynthetic(page));
    }

    [Fact]
    public void The_response_form_s_loops_are_direct()
    {
        var types = LoopTypes(TemplateLibrary.Get(ResponseFormPage.Template));
        // errors, conflicts, unplaced replies, actions, and each action's status and RAG options.
        Assert.Equal(6, types.Count(t => t == typeof(DirectForStatement)));
        Assert.DoesNotContain(typeof(ScriptForStatement), types);
    }

    [Fact]
    public void A_loop_limit_or_a_list_that_is_not_one_fails_the_same_way()
    {
        foreach (var (source, limit) in new[] { ("{{ for n in numbers }}{{ n }}{{ end }}", 3), ("{{ for c in crumbs }}{{ for n in numbers }}{{ n }}{{ end }}{{ end }}", 4), ("a{{ for n in number }}{{ n }}{{ end }}", 0),
            ("{{ for c in crumbs }}{{ c.text }}{{ unknown.name }}{{ end }}", 0), ("{{ for c in crumbs }}<{{ c.text }}:{{ layout.contact.name }}>{{ end }}", 0) })
        {
            string Fails(bool runs)
            {
                var page = TemplateLibrary.Parse(source, "fails.html.sbn", runs);
                return Assert.Throws<ScriptRuntimeException>(() => RenderSynthetic(page, limit)).Message;
            }
            Assert.Equal(Fails(false), Fails(true));
        }
    }

    [Fact]
    public void A_sealed_loop_that_meets_what_it_cannot_seal_takes_back_its_output_and_runs_the_ordinary_way_from_then_on()
    {
        const string source = "{{ for c in crumbs }}{{ c.text }},{{ end }}|{{ for o in mixed }}[{{ for c in crumbs }}{{ c.text }}/{{ o.text }};{{ end }}]{{ end }}";
        var merged = TemplateLibrary.Parse(source, "bails.html.sbn", runs: true);
        var loops = DirectLoops(merged);
        Assert.Equal(3, loops.Count);
        Assert.All(loops, loop => Assert.True(loop.RunsSealed));

        var expected = RenderSynthetic(TemplateLibrary.Parse(source, "bails.html.sbn", runs: false));
        Assert.Contains("[Home &amp; away/&lt;two&gt;;", expected);
        Assert.Equal(expected, RenderSynthetic(merged));
        // The first loop never met anything else; the outer loop over mixed items and the loop inside it bailed out.
        Assert.Equal([true, false, false], loops.Select(loop => loop.RunsSealed));
        Assert.Equal(expected, RenderSynthetic(merged));
    }

    [Fact]
    public void Loops_that_read_for_call_functions_or_have_an_else_are_not_sealed()
    {
        foreach (var (source, sealable) in new[]
        {
            ("{{ for c in crumbs }}{{ c.text }}{{ if c.href }}{{ c.href }}{{ end }}{{ end }}", true),
            ("{{ for c in crumbs }}{{ for.index }}{{ end }}", false),
            ("{{ for c in crumbs }}{{ if for.last }}L{{ end }}{{ end }}", false),
            ("{{ for n in numbers }}{{ n }}{{ end }}", true),
            ("{{ for ls in nested_lists }}{{ for l in ls }}{{ l }}{{ end }}{{ end }}", true),
            ("{{ for c in crumbs }}{{ text }}{{ end }}", false),
            ("{{ for c in crumbs }}{{ c.text | string.upcase }}{{ end }}", false),
            ("{{ for c in crumbs }}{{ c.text }}{{ else }}none{{ end }}", false),
            ("{{ for c in crumbs }}{{ for d in crumbs }}{{ for.index }}{{ end }}{{ end }}", false),
            ("{{ for c in crumbs }}{{ if c.text == text }}{{ end }}{{ end }}", false),
        })
        {
            var loops = DirectLoops(TemplateLibrary.Parse(source, "sealing.html.sbn", runs: true));
            Assert.True(sealable == (loops.Count > 0 && loops[0].IsSealable), source);
        }
    }

    [Fact]
    public void The_response_form_s_and_the_round_page_s_loops_run_sealed_and_never_bail_out()
    {
        using var fresh = TemplateLibrary.FreshParses();
        var bench = Bench();
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("Save progress", bench.TemplateForm());
            Assert.Contains("govuk-table", bench.TemplateRound());
        }
        var form = DirectLoops(TemplateLibrary.Get(ResponseFormPage.Template));
        Assert.Equal(6, form.Count);
        Assert.All(form, loop => Assert.True(loop.RunsSealed));
        // The actions and their status and RAG options have items on the bench's form (errors, conflicts, unplaced none).
        Assert.Equal([null, null, null, typeof(ResponseFormPage.ActionPart), typeof(ResponseFormPage.Option), typeof(ResponseFormPage.Option)], form.Select(loop => loop.CompiledFor));
        var round = DirectLoops(TemplateLibrary.Get(ManageRoundPage.Template));
        Assert.NotEmpty(round);
        Assert.All(round.Where(loop => loop.IsSealable), loop => Assert.True(loop.RunsSealed, $"{loop.Span}: {loop}"));
    }

    private static List<DirectForStatement> DirectLoops(Scriban.Syntax.ScriptNode node)
    {
        var finder = new LoopFinder();
        finder.Visit(node);
        return finder.Direct;
    }

    private static List<Type> LoopTypes(Scriban.Syntax.ScriptNode node)
    {
        var finder = new LoopFinder();
        finder.Visit(node);
        return finder.Types;
    }

    private sealed class LoopFinder : ScriptVisitor
    {
        public List<Type> Types { get; } = [];

        public List<DirectForStatement> Direct { get; } = [];

        public override void Visit(ScriptForStatement node)
        {
            Types.Add(node.GetType());
            if (node is DirectForStatement direct) Direct.Add(direct);
            base.Visit(node);
        }

        public override void Visit(ScriptTableRowStatement node)
        {
            Types.Add(node.GetType());
            base.Visit(node);
        }
    }

    [Theory]
    [MemberData(nameof(Synthetic))]
    public void A_synthetic_template_renders_the_same_with_and_without_statement_runs(string name, string source)
    {
        var merged = TemplateLibrary.Parse(source, name + ".html.sbn", runs: true);
        var plain = TemplateLibrary.Parse(source, name + ".html.sbn", runs: false);
        Assert.True(Contains<StatementRun>(merged), "the case should give at least one statement run");
        Assert.False(Contains<StatementRun>(plain));

        var expected = RenderSynthetic(plain);
        Assert.Equal(RenderSynthetic(Template.Parse(source, name + ".html.sbn").Page!), expected);
        Assert.Equal(expected, RenderSynthetic(merged));
        // Twice, so a member-read cache filled by the first render is exercised too.
        Assert.Equal(expected, RenderSynthetic(merged));
    }

    private static bool Contains<T>(Scriban.Syntax.ScriptNode node) where T : Scriban.Syntax.ScriptNode =>
        node is T || Enumerable.Range(0, node.ChildrenCount).Any(i => node.GetChildren(i) is { } child && Contains<T>(child));

    private static string RenderSynthetic(Scriban.Syntax.ScriptPage page, int loopLimit = 0)
    {
        var context = TemplateLibrary.NewContext("synthetic.html.sbn");
        Assert.IsType<HtmlTemplateContext>(context);
        context.LoopLimit = loopLimit;
        context.NewLine = "\n";
        context.PushCulture(CultureInfo.InvariantCulture);
        context.TemplateLoader = new Parts();
        var fns = new ScriptObject();
        fns.Import("hello", new Func<string>(() => "<hello & welcome>"));
        var layout = new PageLayout("Plan <2024> & \"partners\"")
        {
            PlanName = "Zoë's plan – 東京 ✓",
            HasErrors = true,
            Crumbs = [new Crumb("Home & away", "/a?b=1&c=<2>"), new Crumb("Plan \"x\"", "")],
        };
        context.PushGlobal(new ScriptObject
        {
            ["layout"] = layout,
            ["crumbs"] = layout.Crumbs,
            ["text"] = "Plain text",
            ["empty"] = "",
            ["nothing"] = null,
            ["zero"] = 0,
            ["number"] = 42,
            ["negative"] = -7L,
            ["real"] = 3.25,
            ["yes"] = true,
            ["no"] = false,
            ["moment"] = new DateTime(2024, 10, 10, 9, 30, 0),
            ["day"] = new DateOnly(2024, 10, 20),
            ["offset"] = At,
            ["quoted"] = "say \"hi\" & 'bye'",
            ["markup"] = "<script>alert('x')</script>",
            ["amp"] = "Tom & Jerry",
            ["non_latin"] = "Ünïcödé — Привет — 日本語 — 🚓",
            ["lines"] = new List<string> { "first <line>", "second & last" },
            ["numbers"] = new[] { 1, 2, 3, 6, 9 },
            ["nested"] = new ScriptObject { ["lines"] = new[] { "a<", "b&" }, ["crumb"] = new Crumb("Nested <crumb>", "/n?x=1&y=2") },
            ["fns"] = fns,
            ["none"] = new List<Crumb>(),
            ["same"] = new[] { "a", "a", "b<", "a" },
            ["objects"] = new ScriptArray { new ScriptObject { ["name"] = "one & only", ["value"] = 1, ["flag"] = true }, new ScriptObject { ["name"] = "<two>", ["value"] = 2.5, ["flag"] = false } },
            ["days"] = new[] { new DateOnly(2024, 10, 20), new DateOnly(2025, 1, 2) },
            ["mixed"] = new List<object> { new Crumb("one & only", "/1"), new ScriptObject { ["text"] = "<two>", ["href"] = "/2?a&b" }, new Crumb("three", "") },
            ["layouts"] = new List<PageLayout> { layout, new("Second <page>") { Contact = new PageContact("Pat & Sam", "pat@example.org") }, new("Third") { HasErrors = false } },
            ["models"] = new List<object> { new Crumb("one & only", "/1"), new ResponseFormPage.ErrorLink("#a<b>", "Error & more"), new Crumb("three", "") },
            ["grid"] = new[,] { { 1, 2 }, { 3, 4 } },
            ["nested_lists"] = new List<IReadOnlyList<string>> { new List<string> { "x <1>", "y & 2" }, new List<string>() },
        });
        return TemplateLibrary.Render(page, "synthetic.html.sbn", context);
    }

    private sealed class Parts : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;
        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => "<em>{{ markup }}</em>{{ if yes }}Y{{ end }}";
        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }

    // ---- the repo's templates ----

    private static readonly ManagerLinks Links = new();

    public static TheoryData<string> Pages() => new(PageCases.Keys);

    /// <summary>Each of the repo's pages, as its function builds it (the bench's and tests' builders), rendered whole
    /// (page template in the layout, in one pass).</summary>
    private static readonly Dictionary<string, Func<string>> PageCases = new()
    {
        ["round page (manage-round + layout)"] = () => Bench().TemplateRound(),
        ["response form (response-form + layout)"] = () => Bench().TemplateForm(),
        ["report, board"] = () => ReportTemplates.Render(ReportTemplates.Html, ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Board)),
        ["report, manager"] = () => ReportTemplates.Render(ReportTemplates.Html, ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Manager)),
        ["report, round page's plan"] = () => ReportTemplates.Render(ReportTemplates.Html, PageRenderData.RoundPage().Inputs.Report),
        ["plan page (manage-plan)"] = () =>
        {
            var stored = PageRenderData.RoundPage().Inputs.View.Stored;
            var page = ManagePlanPage.For(stored, stored.Rounds.ToDictionary(r => r.Id, r => 7), [new HeldReply("h1", "odd <sender>@example.org", "Re: \"update\" & more", At, "Looks like <spam>")], "published", Links);
            return PageRenderer.Render(ManagePlanPage.Template, page, Links.Layout(stored.Plan.Name, stored.Plan));
        },
        ["replies (replies)"] = () =>
        {
            var plan = PageRenderData.RoundPage().Inputs.View.Plan;
            var page = RepliesPage.For(plan, Replies(plan), null, Links);
            return PageRenderer.Render(RepliesPage.Template, page, Links.Layout(page.Title, plan, crumbs: new Crumb(plan.Name, Links.Plan(plan.Id))));
        },
        ["one reply (reply)"] = () =>
        {
            var plan = PageRenderData.RoundPage().Inputs.View.Plan;
            var latest = new Dictionary<int, ProgressUpdate> { [1] = new(plan.Id, "2024-25-Q2", 1, 1, ProgressStatus.OnTrack, Rag.Amber, "Earlier <update> & more", "Lead", null, At, UpdateChannel.Form) };
            var page = ReplyPage.For(plan, Replies(plan)[0], latest, Links);
            return PageRenderer.Render(ReplyPage.Template, page, Links.Layout(page.Title, plan));
        },
        ["lead edit (lead-edit)"] = () =>
        {
            var plan = PageRenderData.RoundPage().Inputs.View.Plan;
            var page = LeadEditPage.For(plan, plan.Leads[2], [new ContactIssue("c3@example.org", "bounce", At), new ContactIssue("c3@example.org", "spam <report>", At.AddDays(1))], null, Links);
            return PageRenderer.Render(LeadEditPage.Template, page, Links.Layout("Lead", plan, true));
        },
        ["message page (message)"] = () => PageRenderer.Render(MessagePage.Template,
            MessagePage.Error("Not <saved>", "The plan \"x\" & its rounds.", "Ünïcödé — 日本語") with { Back = new Crumb("Back & forth", "/a?b=<1>") },
            new PageLayout("Not saved") { HasErrors = true, Crumbs = [new Crumb("Home", "/")] }),
    };

    private static PageRenderBenchmarks Bench()
    {
        var bench = new PageRenderBenchmarks();
        bench.Setup();
        return bench;
    }

    private static List<WaitingReply> Replies(CspFunctions.Plans.Plan plan) =>
    [
        new(plan.Id, "2024-25-Q2", "k1", "r1", At, "Pat <pat@example.org>", "Re: update & \"progress\"", plan.Leads[1].Id, InboundState.Unassigned, "No action number", "1. Done <all> & dusted\n\n- one\n- two", "archive/r1", "\"e1\""),
        new(plan.Id, "2024-25-Q2", "k2", "r2", At.AddHours(-2), null, null, null, InboundState.HeldForReview, "Looks like <spam>", "Buy now!", "archive/r2", "\"e2\""),
        new(plan.Id, "2024-25-Q2", "k3", "r3", At.AddHours(-5), "lee@example.org", "No change", plan.Leads[0].Id, InboundState.Applied, "", null, "archive/r3", "\"e3\"") { NeedsRealUpdate = [3, 5] },
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_page_renders_the_same_with_and_without_statement_runs(string name)
    {
        var render = PageCases[name];
        string expected;
        using (TemplateLibrary.WithoutRuns()) expected = render();
        Assert.True(expected.Length > 1_000, $"{name}: the page should render in full, got {expected.Length} characters");
        // Three times, so each loop runs interpreted and compiled (TypedLoopBody) whatever ran before.
        for (var i = 0; i < 3; i++) Assert.Equal(expected, render());
    }

    [Fact]
    public void No_page_s_sealed_loop_bails_out_on_its_representative_model()
    {
        // Parsed afresh for this test: other tests render the same templates with models of their own.
        using var fresh = TemplateLibrary.FreshParses();
        foreach (var render in PageCases.Values)
        {
            render();
            render();
        }
        var bailed = HtmlTemplateNames().SelectMany(name => DirectLoops(TemplateLibrary.Get(name)).Where(loop => loop.IsSealable && !loop.RunsSealed).Select(loop => $"{name} {loop.Span}"));
        Assert.Empty(bailed);
    }

    private static List<string> HtmlTemplateNames() => typeof(TemplateLibrary).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".html.sbn", StringComparison.Ordinal))
        .Select(n => n[(n.LastIndexOf(".Templates.", StringComparison.Ordinal) + ".Templates.".Length)..]).ToList();

    [Fact]
    public void Every_html_template_is_merged_into_runs_and_the_plain_parse_has_none()
    {
        var names = HtmlTemplateNames();
        Assert.True(names.Count >= 20, $"found {names.Count} HTML templates");
        foreach (var name in names)
        {
            Assert.True(Contains<StatementRun>(TemplateLibrary.Get(name)), $"{name} has no statement run");
            using (TemplateLibrary.WithoutRuns()) Assert.False(Contains<StatementRun>(TemplateLibrary.Get(name)), $"{name} parsed plain has a run");
        }
    }
}
