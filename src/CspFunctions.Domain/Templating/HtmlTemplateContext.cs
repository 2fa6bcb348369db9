using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CspFunctions.Reporting;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace CspFunctions.Templating;

/// <summary>The context every *.html.sbn template renders with: whatever an expression writes is HTML-encoded, as Razor does,
/// so a template cannot forget to escape a value (and must not pipe through html.escape, which would encode twice).
/// Two kinds of value have an HTML form of their own: text blocks (paragraphs and bullet lists of plain text) and lists of
/// short texts (written one per line). The template's own literal markup is written as it stands, and so is markup another
/// of our templates rendered (<see cref="TrustedHtml"/>); a page's own template in the layout is evaluated where it stands
/// (<see cref="PageBody"/>).</summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>Auto-indent is off: the templates control their own whitespace (and <see cref="StatementRun"/> relies on it).</summary>
    public HtmlTemplateContext(ScriptObject builtins) : base(builtins) => AutoIndent = false;

    /// <summary>The output's buffer when text can go straight into it: nothing (indenting, an output limit, a capture into
    /// something else) needs to see it go by.</summary>
    internal StringBuilder? DirectOutput => EnableOutput && !AutoIndent && CurrentIndent is null && OutputLimit is null && Output is StringBuilderOutput output ? output.Builder : null;

    /// <summary>The items of the <see cref="DirectForStatement"/>s being iterated, innermost last: a read of a loop's variable
    /// inside its body takes the item from here (see <see cref="TryLoopValue"/>) instead of looking the name up through
    /// Scriban's variable stores, where the loop sets it too.</summary>
    private LoopFrame[] _loops = new LoopFrame[4];
    private int _loopCount;

    private struct LoopFrame
    {
        public object Owner;
        public object? Value;
    }

    /// <summary>No direct loop is being iterated (a render that finished, or none started).</summary>
    internal bool IsIdle => _loopCount == 0 && SealedDepth == 0;

    /// <summary>How many sealed loops (<see cref="DirectForStatement"/>) are being iterated. While there is one, Scriban's
    /// stores do not hold their variables and no <c>for</c> object is set, so nothing may hand control to Scriban code that
    /// could look: a read that Scriban would have to finish, a function value, a page body. Each of those throws
    /// <see cref="SealedLoopBailout"/> instead, and the outermost sealed loop writes itself again the ordinary way.</summary>
    internal int SealedDepth;

    /// <summary>Throws <see cref="SealedLoopBailout"/> if a sealed loop is being iterated (see <see cref="SealedDepth"/>).</summary>
    internal void LeavingSealedCode(SourceSpan span)
    {
        if (SealedDepth > 0) throw new SealedLoopBailout(span);
    }

    internal void PushLoop(object owner)
    {
        if (_loopCount == _loops.Length) Array.Resize(ref _loops, _loops.Length * 2);
        _loops[_loopCount++] = new LoopFrame { Owner = owner };
    }

    internal void SetLoopValue(object? value) => _loops[_loopCount - 1].Value = value;

    internal void PopLoop() => _loops[--_loopCount] = default;

    /// <summary>The current item of <paramref name="owner"/>, which must be <paramref name="depth"/> direct loops out from the
    /// innermost one being iterated; false when it is not (the loop ran through Scriban's own code), and the reader looks the
    /// variable up as Scriban does.</summary>
    internal bool TryLoopValue(object owner, int depth, out object? value)
    {
        var i = _loopCount - 1 - depth;
        if (i >= 0 && ReferenceEquals(_loops[i].Owner, owner))
        {
            value = _loops[i].Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Scriban's readers of a type's members (found by reflection), shared by every render: a context keeps its own
    /// only for its lifetime, and a page's context lives for one render.</summary>
    private static readonly ConcurrentDictionary<Type, IObjectAccessor> Accessors = new();

    private static readonly MemberRenamerDelegate DefaultRenamer = StandardMemberRenamer.Default;

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        // Scriban builds an accessor from the context's filter and renamer; ours never change them, so one per type serves all.
        if (MemberFilter is not null || MemberRenamer != DefaultRenamer) return base.GetMemberAccessorImpl(target);
        var type = target.GetType();
        if (Accessors.TryGetValue(type, out var accessor)) return accessor;
        accessor = base.GetMemberAccessorImpl(target);
        if (accessor is not null) Accessors.TryAdd(type, accessor);
        return accessor;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        if (textAsObject is PageBody body)
        {
            LeavingSealedCode(span);
            body.Page.Evaluate(this);
            return this;
        }
        // Straight into the output's buffer when nothing needs to see the text go by (indenting and output limits do),
        // else as one string through Scriban.
        var direct = !AutoIndent && OutputLimit is null && Output is StringBuilderOutput output ? output.Builder : null;
        var html = direct ?? new StringBuilder();
        switch (textAsObject)
        {
            case string text:
                HtmlEncoding.Append(html, text);
                break;
            case TrustedHtml markup:
                html.Append(markup.Value);
                break;
            case int number:
                html.Append(CultureInfo.InvariantCulture, $"{number}");
                break;
            // The exact list types come first: testing a list against a variant interface it does not implement is slow.
            case List<TextBlock> blocks:
                PlainTextHtml.Append(html, blocks);
                break;
            case List<string> lines:
                AppendLines(html, lines);
                break;
            case IReadOnlyList<TextBlock> blocks:
                PlainTextHtml.Append(html, blocks);
                break;
            case IEnumerable<string> lines:
                AppendLines(html, lines);
                break;
            default:
                HtmlEncoding.Append(html, ObjectToString(textAsObject));
                break;
        }
        if (direct is null) Write(html.ToString());
        return this;
    }


    private static void AppendLines(StringBuilder html, IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (!first) html.Append("<br>");
            first = false;
            HtmlEncoding.Append(html, line);
        }
    }
}
