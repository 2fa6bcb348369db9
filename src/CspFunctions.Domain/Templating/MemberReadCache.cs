using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>A pass over a parsed template that gives each member read (row.number, s.title) an inline cache: the
/// compiled getter for the type of record it last read, so reading a property of one of our model records costs a type
/// check and a delegate call instead of Scriban's lookups of an accessor by type and then of the member by name; so is the
/// <c>size</c> of a list or an array (<see cref="ModelGetters.Size"/>). Reads of anything else (Scriban's own objects,
/// dictionaries, for.first), and every error case, are left to Scriban.</summary>
public static class MemberReadCache
{
    /// <param name="runs">For an HTML template: also merge each block's writing statements into <see cref="StatementRun"/>s.</param>
    public static ScriptPage Apply(ScriptPage page, bool runs = false) => (ScriptPage)new Rewriter(runs).Visit(page)!;

    private sealed class Rewriter(bool runs) : ScriptRewriter
    {
        // Blocks are rewritten inside out, so a branch's block is already merged when its if statement is looked at.
        public override ScriptNode? Visit(ScriptBlockStatement node)
        {
            var block = (ScriptBlockStatement)base.Visit(node)!;
            if (!runs) return block;
            var merged = StatementRun.Merge(block.Statements);
            block.Statements.Clear();
            foreach (var statement in merged) block.Statements.Add(statement);
            return block;
        }

        // After its children (the body merged into a run), a for statement of an HTML template may become a direct loop.
        public override ScriptNode? Visit(ScriptForStatement node)
        {
            var loop = base.Visit(node);
            return runs && node.GetType() == typeof(ScriptForStatement) && loop is ScriptForStatement rewritten ? DirectForStatement.From(rewritten) : loop;
        }

        // Only reads whose target can be evaluated twice without effect, since a miss hands the whole read back to Scriban.
        public override ScriptNode? Visit(ScriptMemberExpression node) => node.Target is ScriptVariableGlobal or ScriptMemberExpression
            ? new CachedMemberRead
            {
                Target = (ScriptExpression)Visit(node.Target)!,
                DotToken = (ScriptToken)Visit(node.DotToken)!,
                Member = (ScriptVariable)Visit(node.Member)!,
                Span = node.Span,
            }
            : base.Visit(node);
    }

    /// <summary>If <paramref name="read"/> is a cached read of a member of <paramref name="variable"/>, makes it take the
    /// variable's value from <paramref name="loop"/>'s current item (see <see cref="StatementRun.BindLoopReads"/>).</summary>
    internal static bool TryBindLoopRead(ScriptMemberExpression read, string variable, DirectForStatement loop, int depth)
    {
        if (read is not CachedMemberRead cached || cached.Target?.GetType() != typeof(ScriptVariableGlobal) || ((ScriptVariableGlobal)cached.Target).Name != variable) return false;
        cached.Loop = loop;
        cached.Depth = depth;
        return true;
    }

    internal static bool IsCachedRead(ScriptExpression? expression) => expression is CachedMemberRead;

    /// <summary>If <paramref name="expression"/> is a member path of cached reads from the item of a direct loop
    /// (<c>a.status.id</c> in a for a in ...): that loop, how many direct loops out it is, and the members in order.</summary>
    internal static bool TryLoopPath(ScriptExpression expression, out DirectForStatement? loop, out int depth, out List<string> members)
    {
        members = [];
        var step = expression;
        while (step is CachedMemberRead read)
        {
            members.Insert(0, read.Member!.Name);
            if (read.Target?.GetType() == typeof(ScriptVariableGlobal))
            {
                (loop, depth) = (read.Loop, read.Depth);
                return loop is not null;
            }
            step = read.Target;
        }
        (loop, depth) = (null, 0);
        return false;
    }

    /// <summary>True with the value when <paramref name="expression"/> is a cached member read that reads one of our records'
    /// members (or a list's size): what evaluating it gives, a function value included (which the caller must not write
    /// as it is; Scriban would call it).</summary>
    internal static bool TryReadCached(ScriptExpression expression, TemplateContext context, out object? value)
    {
        if (expression is CachedMemberRead read) return read.TryRead(context, out value);
        value = null;
        return false;
    }

    /// <summary>True with the value when <paramref name="expression"/> is a cached member read that reads one of our records'
    /// members and gives something other than a function: what evaluating it gives.</summary>
    internal static bool TryReadDirect(ScriptExpression expression, TemplateContext context, out object? value)
    {
        // (Text first: testing a string against an interface walks its interface list.)
        if (TryReadCached(expression, context, out value) && (value is string || value is not IScriptCustomFunction)) return true;
        value = null;
        return false;
    }

    private sealed class CachedMemberRead : ScriptMemberExpression
    {
        /// <summary>Set when the target is the variable of an enclosing direct loop: its item is read from the context.</summary>
        public DirectForStatement? Loop;
        public int Depth;

        // A parsed template is shared by renders on many threads: the cache is replaced whole (a delegate), never changed in place.
        private Func<object, object?>? _last;

        // Reading (row.number as a value) and reading as the target of a longer path (row.progress.text) both come here.
        // What Scriban has to finish (a null, a member of another kind of object) it cannot inside a sealed loop, whose
        // variable is in no store of Scriban's: that bails out (HtmlTemplateContext.SealedDepth).
        public override object? Evaluate(TemplateContext context)
        {
            if (TryRead(context, out var value)) return value;
            (context as HtmlTemplateContext)?.LeavingSealedCode(Span);
            return base.Evaluate(context);
        }

        public override object? GetValue(TemplateContext context)
        {
            if (TryRead(context, out var value)) return value;
            (context as HtmlTemplateContext)?.LeavingSealedCode(Span);
            return base.GetValue(context);
        }

        internal bool TryRead(TemplateContext context, out object? value)
        {
            object? target;
            if (Loop is not null && context is HtmlTemplateContext html && html.TryLoopValue(Loop, Depth, out var item)) target = item;
            else if (Target is ScriptVariableGlobal variable) target = context.GetValue(variable);
            // A longer path (a.status.id): its own cached read, unless that gives a function, which Scriban would call.
            else if (Target is CachedMemberRead inner && inner.TryRead(context, out var read) && (read is string || read is not IScriptCustomFunction)) target = read;
            else
            {
                // Scriban reads it (a function it would call, a read of its own): not inside a sealed loop.
                (context as HtmlTemplateContext)?.LeavingSealedCode(Span);
                target = context.GetValue(Target);
            }
            if (target is not null)
            {
                // The getter checks the type itself (ModelGetters.Miss when it is another): no call to GetType on a hit.
                var last = _last;
                if (last is not null && !ReferenceEquals(value = last(target), ModelGetters.Miss)) return true;
                var read = ModelGetters.Find(target.GetType(), Member!.Name) ?? (Member.Name == "size" ? ModelGetters.Size(target.GetType()) : null);
                if (read is null)
                {
                    value = null;
                    return false;
                }
                _last = read;
                value = read(target);
                return true;
            }
            value = null;
            return false;
        }
    }
}
