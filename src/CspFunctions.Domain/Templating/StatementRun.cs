using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>A run of consecutive statements of an HTML template's block that only write: literal markup, values read from
/// the model (<c>{{ row.name }}</c>), <c>if</c>/<c>else</c> whose branches are such runs too, and <c>for</c> loops whose body
/// is one (<see cref="DirectForStatement"/>). Scriban evaluates each
/// statement through its block (an abort check, a try/finally, the value handed to Write); a row of a table is a dozen of
/// them. A run writes them straight into the output in one loop, with the same encoding (<see cref="HtmlTemplateContext"/>)
/// and the same results. Made by <see cref="MemberReadCache"/> when it parses an *.html.sbn template.</summary>
internal sealed class StatementRun : ScriptStatement
{
    private readonly ScriptStatement[] _statements;
    private readonly Item[] _items;

    private StatementRun(ScriptStatement[] statements, Item[] items)
    {
        _statements = statements;
        _items = items;
        Span = statements[0].Span;
    }

    /// <summary>The block's statements with each stretch of writing statements replaced by one run.</summary>
    public static List<ScriptStatement> Merge(IEnumerable<ScriptStatement> statements)
    {
        var merged = new List<ScriptStatement>();
        var pending = new List<ScriptStatement>();
        var items = new List<Item>();
        void Flush()
        {
            if (pending.Count > 0) merged.Add(new StatementRun([.. pending], [.. items]));
            pending.Clear();
            items.Clear();
        }
        foreach (var statement in statements)
        {
            if (TryItems(statement, items))
            {
                pending.Add(statement);
            }
            else
            {
                Flush();
                merged.Add(statement);
            }
        }
        Flush();
        return merged;
    }

    /// <summary>Adds what the statement writes as items, or returns false (leaving the list as it was) when it is something
    /// a run does not do.</summary>
    private static bool TryItems(ScriptStatement statement, List<Item> items)
    {
        switch (statement)
        {
            // The parser's marks of {{ and }}: only auto-indent (off for HTML) looks at them; the block skips them. So is the
            // {{ end }} that closes a branch's last block (it can skip evaluation): were it not in the run, no if with it
            // would be a single run, and no if would ever become an item.
            case ScriptEscapeStatement or ScriptEndStatement:
                return true;
            case ScriptRawStatement raw:
                if (raw.Text.Length > 0 && !string.IsNullOrEmpty(raw.Text.FullText)) items.Add(new TextItem(raw.Text.FullText, raw.Text.Index, raw.Text.Length));
                return true;
            case ScriptExpressionStatement { Expression: ScriptMemberExpression or ScriptVariableGlobal } write:
                items.Add(new ValueItem(write.Expression!, write.Span));
                return true;
            case ScriptIfStatement branch when Branch(branch) is { } item:
                items.Add(item);
                return true;
            case DirectForStatement loop:
                items.Add(new ForItem(loop));
                return true;
            default:
                return false;
        }
    }

    /// <summary>An if (else if, else) whose branches are empty or a single run, as an item; else null.</summary>
    private static IfItem? Branch(ScriptIfStatement statement)
    {
        if (statement.Condition is null || !Body(statement.Then, out var then)) return null;
        Item[] otherwise;
        switch (statement.Else)
        {
            case null:
                otherwise = [];
                break;
            case ScriptElseStatement other when Body(other.Body, out var body):
                otherwise = body;
                break;
            case ScriptIfStatement elseIf when Branch(elseIf) is { } nested:
                otherwise = [nested];
                break;
            default:
                return null;
        }
        return new IfItem(statement.Condition, then, otherwise);
    }

    /// <summary>True when the block is empty or one run (given as <paramref name="run"/>; null for an empty block).</summary>
    internal static bool IsRunBody(ScriptBlockStatement? block, out StatementRun? run)
    {
        run = block is { Statements: [StatementRun only] } ? only : null;
        return block is null || block.Statements.Count == 0 || run is not null;
    }

    /// <summary>Whether everything the run writes can be written inside a sealed loop (<see cref="DirectForStatement.IsSealable"/>).</summary>
    internal bool IsSealable => Array.TrueForAll(_items, static item => item.IsSealable);

    /// <summary>The run's items as code for a typed loop body (<see cref="TypedLoopBody"/>).</summary>
    internal Expression Compile(TypedCode code) => Compile(_items, code);

    private static Expression Compile(Item[] items, TypedCode code) =>
        items.Length == 0 ? Expression.Empty() : Expression.Block(typeof(void), items.Select(item => item.Compile(code)));

    /// <summary>Writes what the run stands for straight into the output (a direct loop's body, each time round).</summary>
    internal void WriteItems(HtmlTemplateContext context, StringBuilder output)
    {
        foreach (var item in _items) item.Write(context, output);
    }

    /// <summary>Makes the run's reads of <paramref name="variable"/> (a value written, the target of a member read, in
    /// conditions too) take the current item of <paramref name="loop"/>, <paramref name="depth"/> direct loops out, from the
    /// context. Loops inside that name the same variable hide it.</summary>
    internal void BindLoopReads(string variable, DirectForStatement loop, int depth)
    {
        foreach (var item in _items) item.Bind(variable, loop, depth);
    }

    /// <summary>The member reads (<see cref="MemberReadCache"/>) of the variable in an expression, through the operators and
    /// parentheses that evaluate their operands where they stand; function calls and anything else are left as they are.</summary>
    private static void BindReads(ScriptExpression? expression, string variable, DirectForStatement loop, int depth)
    {
        switch (expression)
        {
            case ScriptMemberExpression read:
                if (!MemberReadCache.TryBindLoopRead(read, variable, loop, depth)) BindReads(read.Target, variable, loop, depth);
                break;
            case ScriptBinaryExpression binary:
                BindReads(binary.Left, variable, loop, depth);
                BindReads(binary.Right, variable, loop, depth);
                break;
            case ScriptUnaryExpression unary:
                BindReads(unary.Right, variable, loop, depth);
                break;
            case ScriptNestedExpression nested:
                BindReads(nested.Expression, variable, loop, depth);
                break;
        }
    }

    private static bool Body(ScriptBlockStatement? block, out Item[] items)
    {
        items = [];
        if (block is null || block.Statements.Count == 0) return true;
        if (block.Statements.Count == 1 && block.Statements[0] is StatementRun run)
        {
            items = run._items;
            return true;
        }
        return false;
    }

    public override object? Evaluate(TemplateContext context)
    {
        if (context is HtmlTemplateContext html && html.DirectOutput is { } output)
        {
            foreach (var item in _items) item.Write(html, output);
            return null;
        }
        // Anywhere else (a capture, a context with auto-indent), exactly what the block would have done with each statement.
        if (context.AutoIndent) throw new NotSupportedException("HTML templates render without auto-indent (HtmlTemplateContext sets it off).");
        foreach (var statement in _statements)
        {
            if (statement.CanSkipEvaluation) continue;
            // None of a run's statements can break, continue or return, so the flow never changes inside it.
            var result = context.Evaluate(statement);
            if (statement.CanOutput && result is not null && context.EnableOutput) context.Write(statement.Span, result);
        }
        return null;
    }

    // Scriban's own visitors walk parsed templates too (a function's body is searched for ret when the function is
    // defined): they see the statements the run stands for.
    public override void Accept(ScriptVisitor visitor)
    {
        foreach (var statement in _statements) visitor.Visit(statement);
    }

    public override void PrintTo(ScriptPrinter printer)
    {
        foreach (var statement in _statements) printer.Write(statement);
    }

    private abstract class Item
    {
        public abstract void Write(HtmlTemplateContext context, StringBuilder output);

        public abstract bool IsSealable { get; }

        private static readonly MethodInfo WriteMethod = typeof(Item).GetMethod(nameof(Write))!;

        /// <summary>The item as code in a typed loop body: by default, a call of the item itself (<see cref="Interpreted"/>).</summary>
        public virtual Expression Compile(TypedCode code) => Interpreted(code);

        protected Expression Interpreted(TypedCode code) => Expression.Call(Expression.Constant(this), WriteMethod, code.Context, code.Output);

        /// <summary>Code that reads a member path from the loop's item typed and does <paramref name="use"/> with its value, or
        /// does what the item itself does (<see cref="Interpreted"/>) if a step on the path is null; null if the path cannot be typed.</summary>
        protected Expression? CompilePath(TypedCode code, ScriptExpression path, Func<Expression, Expression> use)
        {
            var fallback = Expression.Label("fallback");
            var end = Expression.Label("end");
            var steps = new List<Expression>();
            if (!code.TryPath(path, steps, fallback, out var value)) return null;
            steps.Add(use(value));
            steps.Add(Expression.Goto(end));
            steps.Add(Expression.Label(fallback));
            steps.Add(Interpreted(code));
            steps.Add(Expression.Label(end));
            return Expression.Block(typeof(void), steps);
        }

        public virtual void Bind(string variable, DirectForStatement loop, int depth)
        {
        }
    }

    private sealed class TextItem(string text, int index, int length) : Item
    {
        public override void Write(HtmlTemplateContext context, StringBuilder output) => output.Append(text, index, length);

        public override bool IsSealable => true;

        private static readonly MethodInfo AppendMethod = typeof(StringBuilder).GetMethod(nameof(StringBuilder.Append), [typeof(string)])!;

        public override Expression Compile(TypedCode code) => Expression.Call(code.Output, AppendMethod, Expression.Constant(text.Substring(index, length)));
    }

    private sealed class ValueItem(ScriptExpression expression, SourceSpan span) : Item
    {
        private DirectForStatement? _loop;
        private int _depth;

        public override void Write(HtmlTemplateContext context, StringBuilder output)
        {
            // A member path's value from its cached read.
            if (MemberReadCache.TryReadCached(expression, context, out var value))
            {
                WriteValue(context, output, span, value);
                return;
            }
            // The loop's item itself ({{ p }} in a for p in ...), unless it is a function, which Scriban would call.
            if (_loop is null || !context.TryLoopValue(_loop, _depth, out value) || value is IScriptCustomFunction)
            {
                // Inside a sealed loop, Scriban must not call a function (it could look at the loop's state): SealedDepth.
                if (value is IScriptCustomFunction) context.LeavingSealedCode(span);
                value = Settle(context, span, expression.Evaluate(context));
            }
            Put(context, output, span, value);
        }

        // Text, the most common value, as HtmlTemplateContext.Write writes it into a direct output; anything else through it.
        private static void Put(HtmlTemplateContext context, StringBuilder output, SourceSpan span, object? value)
        {
            if (value is string text) HtmlEncoding.Append(output, text);
            else if (value is not null) context.Write(span, value);
        }

        /// <summary>A node or a function as Scriban would evaluate it; neither inside a sealed loop, as it could look at the
        /// loop's state (see HtmlTemplateContext.SealedDepth).</summary>
        private static object? Settle(HtmlTemplateContext context, SourceSpan span, object? value)
        {
            if (value is string || value is not (ScriptNode or IScriptCustomFunction)) return value;
            context.LeavingSealedCode(span);
            return value is ScriptNode node ? context.Evaluate(node) : value;
        }

        /// <summary>What <see cref="Write"/> does with a member path's value (typed code calls it for anything but text).</summary>
        private static void WriteValue(HtmlTemplateContext context, StringBuilder output, SourceSpan span, object? value) =>
            Put(context, output, span, Settle(context, span, value));

        private static readonly MethodInfo EncodeMethod = typeof(HtmlEncoding).GetMethod(nameof(HtmlEncoding.Append))!;
        private static readonly MethodInfo WriteValueMethod = typeof(ValueItem).GetMethod(nameof(WriteValue), BindingFlags.NonPublic | BindingFlags.Static)!;

        public override Expression Compile(TypedCode code) => CompilePath(code, expression, value => value.Type == typeof(string)
            ? Expression.Call(EncodeMethod, code.Output, value)
            : Expression.Call(WriteValueMethod, code.Context, code.Output, Expression.Constant(span), Expression.Convert(value, typeof(object))))
            ?? Interpreted(code);

        // The item of a direct loop, or a member path.
        public override bool IsSealable => _loop is not null || SealedCode.IsMemberPath(expression);

        public override void Bind(string variable, DirectForStatement loop, int depth)
        {
            if (expression.GetType() == typeof(ScriptVariableGlobal) && ((ScriptVariableGlobal)expression).Name == variable)
            {
                _loop = loop;
                _depth = depth;
            }
            else
            {
                BindReads(expression, variable, loop, depth);
            }
        }
    }

    private sealed class IfItem(ScriptExpression condition, Item[] then, Item[] otherwise) : Item
    {
        public override void Write(HtmlTemplateContext context, StringBuilder output)
        {
            // A member read as Evaluate would give it (MemberReadCache), without Evaluate's bookkeeping for errors.
            if (!MemberReadCache.TryReadDirect(condition, context, out var value))
            {
                value = context.Evaluate(condition);
                if (value is IScriptCustomFunction) context.LeavingSealedCode(condition.Span);
            }
            foreach (var item in IsTrue(context, condition.Span, value) ? then : otherwise) item.Write(context, output);
        }

        // A flag or nothing, as ToBool takes them (HtmlTemplateContext does not change ToBool), without the virtual call.
        private static bool IsTrue(HtmlTemplateContext context, SourceSpan span, object? value) =>
            value is bool flag ? flag : value is not null && context.ToBool(span, value);

        /// <summary>The truth of a member path's value as <see cref="Write"/> takes it (a function bails out: typed code runs
        /// only in sealed loops).</summary>
        private static bool Truth(HtmlTemplateContext context, SourceSpan span, object? value)
        {
            if (value is not (string or bool) && value is IScriptCustomFunction) context.LeavingSealedCode(span);
            return IsTrue(context, span, value);
        }

        private static readonly MethodInfo TruthMethod = typeof(IfItem).GetMethod(nameof(Truth), BindingFlags.NonPublic | BindingFlags.Static)!;

        public override Expression Compile(TypedCode code)
        {
            return CompilePath(code, condition, value => Expression.IfThenElse(
                    value.Type == typeof(bool) ? value : Expression.Call(TruthMethod, code.Context, Expression.Constant(condition.Span), Expression.Convert(value, typeof(object))),
                    StatementRun.Compile(then, code), StatementRun.Compile(otherwise, code)))
                ?? Interpreted(code);
        }

        public override bool IsSealable => SealedCode.IsCondition(condition) && Array.TrueForAll(then, static i => i.IsSealable) && Array.TrueForAll(otherwise, static i => i.IsSealable);

        public override void Bind(string variable, DirectForStatement loop, int depth)
        {
            BindReads(condition, variable, loop, depth);
            foreach (var item in then) item.Bind(variable, loop, depth);
            foreach (var item in otherwise) item.Bind(variable, loop, depth);
        }
    }

    /// <summary>A loop inside the run, evaluated as the block would (Scriban's loop scope; see <see cref="DirectForStatement"/>).</summary>
    private sealed class ForItem(DirectForStatement loop) : Item
    {
        public override void Write(HtmlTemplateContext context, StringBuilder output) => loop.Write(context, output);

        public override bool IsSealable => loop.IsSealable;

        // The list is read where the loop stands; its body one direct loop further in, unless the loop names the variable itself.
        public override void Bind(string variable, DirectForStatement outer, int depth)
        {
            BindReads(loop.Iterator, variable, outer, depth);
            loop.BindList(variable, outer, depth);
            if (((ScriptVariableGlobal)loop.Variable!).Name != variable) loop.BindBody(variable, outer, depth + 1);
        }
    }
}
