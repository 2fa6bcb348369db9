using System.Collections;
using Scriban;
using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>A <c>for</c> of an HTML template whose body is one <see cref="StatementRun"/> (or nothing), over a plain variable,
/// with no <c>offset</c>, <c>limit</c> or <c>reversed</c>. It keeps everything Scriban's loop does that a template or a function
/// it calls can see (the loop's scope, the variable set in it, <c>for.index</c>, <c>for.last</c> and the rest, the else branch,
/// flow state), and leaves out the rest: the body is written straight into the output rather than evaluated as a block each
/// time, and the body's reads of the variable's members (<c>a.ref</c>, <c>a.status.id</c>) take the item from the context
/// (<see cref="HtmlTemplateContext.TryLoopValue"/>) rather than looking the name up through Scriban's stores. Anywhere Scriban's
/// own loop would do something else (a loop limit, output that is not direct, another kind of context) it runs Scriban's own
/// loop. Made by <see cref="MemberReadCache"/> in place of such a for statement when it parses an *.html.sbn template.</summary>
internal sealed class DirectForStatement : ScriptForStatement
{
    private StatementRun? _body;

    /// <summary>The loop of <paramref name="loop"/> (its children moved over) if it is one a direct loop can stand for; else
    /// <paramref name="loop"/> as it is.</summary>
    public static ScriptForStatement From(ScriptForStatement loop)
    {
        if (loop.GetType() != typeof(ScriptForStatement) || loop.Variable?.GetType() != typeof(ScriptVariableGlobal) || loop.Iterator is null
            || loop.NamedArguments is { Count: > 0 } || loop.SetContinue || !StatementRun.IsRunBody(loop.Body, out var body))
            return loop;
        var variable = (ScriptVariableGlobal)loop.Variable;
        var iterator = loop.Iterator;
        var block = loop.Body;
        var otherwise = loop.Else;
        // A node has one parent: take the children off the rewritten loop before giving them to this one.
        loop.Variable = null;
        loop.Iterator = null;
        loop.Body = null;
        loop.Else = null;
        var direct = new DirectForStatement { Variable = variable, Iterator = iterator, Body = block, Else = otherwise, Span = loop.Span, _body = body };
        body?.BindLoopReads(variable.Name, direct, 0);
        return direct;
    }

    /// <summary>Binds the body's reads of an enclosing direct loop's variable (see <see cref="StatementRun.BindLoopReads"/>).</summary>
    internal void BindBody(string variable, DirectForStatement loop, int depth) => _body?.BindLoopReads(variable, loop, depth);

    protected override object? EvaluateImpl(TemplateContext context)
    {
        if (context is not HtmlTemplateContext html || context.LoopLimit != 0 || context.LoopLimitQueryable is not (null or 0) || html.DirectOutput is not { } output)
            return base.EvaluateImpl(context);

        // What ScriptForStatement.EvaluateImpl does with no named arguments, no loop limit, and a body written directly.
        var iterated = context.Evaluate(Iterator!);
        if (iterated is not IEnumerable enumerable)
        {
            if (iterated is not null) throw new ScriptRuntimeException(Iterator!.Span, $"Unexpected type `{iterated.GetType()}` for iterator");
            return null;
        }
        var list = enumerable.Cast<object>();
        var state = CreateLoopState();
        context.SetLoopVariable(GetLoopVariable(context), state);
        var it = list.GetEnumerator();
        state.SetEnumerable(list, it);
        if (!it.MoveNext()) return Else is null ? null : context.Evaluate(Else);

        var variable = (ScriptVariable)Variable!;
        html.PushLoop(this);
        try
        {
            object? previous = null;
            for (var index = 0; ; index++)
            {
                state.ResetLast();
                var value = it.Current;
                state.Index = index;
                state.ValueChanged = index == 0 || !Equals(previous, value);
                context.SetLoopVariable(variable, value);
                html.SetLoopValue(value);
                _body?.WriteItems(html, output);
                var isLast = state.MoveNextAndIsLast();
                if (!ContinueLoop(context) | isLast) break;
                previous = value;
            }
        }
        finally
        {
            html.PopLoop();
        }
        return null;
    }
}
