using Scriban;
using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>A pass over a parsed template that gives each member read (row.number, s.title) an inline cache: the
/// compiled getter for the type of record it last read, so reading a property of one of our model records costs a type
/// check and a delegate call instead of Scriban's lookups of an accessor by type and then of the member by name. Reads of
/// anything else (Scriban's own objects, dictionaries, for.first), and every error case, are left to Scriban.</summary>
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

    private sealed class CachedMemberRead : ScriptMemberExpression
    {
        private sealed record Getter(Type Type, Func<object, object?> Read);

        // A parsed template is shared by renders on many threads: the cache is replaced whole, never changed in place.
        private Getter? _last;

        // Reading (row.number as a value) and reading as the target of a longer path (row.progress.text) both come here.
        public override object? Evaluate(TemplateContext context) => TryRead(context, out var value) ? value : base.Evaluate(context);

        public override object? GetValue(TemplateContext context) => TryRead(context, out var value) ? value : base.GetValue(context);

        private bool TryRead(TemplateContext context, out object? value)
        {
            var target = Target is ScriptVariableGlobal variable ? context.GetValue(variable) : context.GetValue(Target);
            if (target is not null)
            {
                var type = target.GetType();
                var last = _last;
                if (last is null || last.Type != type)
                {
                    var read = ModelGetters.Find(type, Member!.Name);
                    if (read is null)
                    {
                        value = null;
                        return false;
                    }
                    _last = last = new Getter(type, read);
                }
                value = last.Read(target);
                return true;
            }
            value = null;
            return false;
        }
    }
}
