using System.Collections;
using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>A <c>for</c> of an HTML template whose body is one <see cref="StatementRun"/> (or nothing), over a plain variable,
/// with no <c>offset</c>, <c>limit</c> or <c>reversed</c>. It keeps everything Scriban's loop does that a template or a function
/// it calls can see (the loop's scope, the variable set in it, <c>for.index</c>, <c>for.last</c> and the rest, the else branch,
/// flow state), and leaves out the rest: the body is written straight into the output rather than evaluated as a block each
/// time, and the body's reads of the variable's members (<c>a.ref</c>, <c>a.status.id</c>) take the item from the context
/// (<see cref="HtmlTemplateContext.TryLoopValue"/>) rather than looking the name up through Scriban's stores. Anywhere Scriban's
/// own loop would do something else (a loop limit, output that is not direct, another kind of context) it runs Scriban's own
/// loop. A loop whose body nothing of Scriban's can look into (<see cref="IsSealable"/>) goes further and runs sealed, keeping
/// no loop state at all (<see cref="Write"/>). Made by <see cref="MemberReadCache"/> in place of such a for statement when it
/// parses an *.html.sbn template.</summary>
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

    // Set when the list is an enclosing direct loop's item itself (for l in ls, inside for ls in ...): read from the context.
    private DirectForStatement? _listLoop;
    private int _listDepth;

    /// <summary>Makes the list, when it is <paramref name="variable"/> itself, the current item of <paramref name="loop"/>
    /// (<paramref name="depth"/> direct loops out from where the list is read).</summary>
    internal void BindList(string variable, DirectForStatement loop, int depth)
    {
        if (Iterator is ScriptVariableGlobal list && list.GetType() == typeof(ScriptVariableGlobal) && list.Name == variable)
        {
            _listLoop = loop;
            _listDepth = depth;
        }
    }

    /// <summary>The list as evaluating the iterator gives it, an enclosing loop's item taken from the context.</summary>
    private object? ReadList(HtmlTemplateContext html)
    {
        if (_listLoop is not null && html.TryLoopValue(_listLoop, _listDepth, out var item))
        {
            if (item is not IScriptCustomFunction) return item;
            html.LeavingSealedCode(Iterator!.Span);
        }
        return html.Evaluate(Iterator!);
    }

    // Worked out on first use, when the whole template has been rewritten and every read bound: 1 sealed, -1 not.
    private int _sealable;

    // Set when a sealed run of this loop bailed out: it runs the ordinary way from then on (see Write).
    private volatile bool _bailedOut;

    /// <summary>Whether the loop can run sealed: no <c>else</c>, a list read as a variable or a member path, and a body (loops inside it
    /// too) that Scriban's loop state cannot reach: text, reads of member paths and of loop variables bound to a direct loop,
    /// and conditions built from those with comparisons and logic. Nothing in it calls a function, assigns, or reads <c>for</c>.</summary>
    internal bool IsSealable
    {
        get
        {
            var sealable = _sealable;
            if (sealable == 0) _sealable = sealable = Else is null && (SealedCode.IsMemberPath(Iterator) || SealedCode.IsVariable(Iterator)) && (_body is null || _body.IsSealable) ? 1 : -1;
            return sealable > 0;
        }
    }

    // The body compiled for one type of item (TypedLoopBody), once the loop has run sealed twice.
    private TypedLoopBody? _typed;
    private int _sealedRuns;

    /// <summary>Tests only: the type of item the body is compiled for, once it is.</summary>
    internal Type? CompiledFor => _typed?.Write is null ? null : _typed.ItemType;

    /// <summary>Tests only: whether the next render runs this loop sealed (it can, and it has never bailed out).</summary>
    internal bool RunsSealed => IsSealable && !_bailedOut;

    /// <summary>Writes the loop where a <see cref="StatementRun"/> stands it. A sealed loop keeps none of Scriban's loop state:
    /// no scope, no <c>for</c> object, no variable set in a store, only the item in the context's frame, which is all its body
    /// reads. If the body meets something that needs more (<see cref="SealedLoopBailout"/>), the outermost sealed loop takes
    /// back what it wrote, is marked to run the ordinary way from then on, and writes itself again that way. A sealed body has
    /// no effect but its output (no assignments, no function calls), so writing it again gives what one ordinary run gives.</summary>
    internal void Write(HtmlTemplateContext html, StringBuilder output)
    {
        if (_bailedOut || !IsSealable || html.LoopLimit != 0 || html.LoopLimitQueryable is not (null or 0) || html.RenderRuntimeException is not null)
        {
            WriteOrdinary(html);
            return;
        }
        var outermost = html.SealedDepth == 0;
        var start = output.Length;
        try
        {
            WriteSealed(html, output);
        }
        catch (SealedLoopBailout)
        {
            _bailedOut = true;
            if (!outermost) throw;
            output.Length = start;
            WriteOrdinary(html);
        }
    }

    private void WriteOrdinary(HtmlTemplateContext html)
    {
        var result = html.Evaluate(this);
        if (result is not null && html.EnableOutput) html.Write(Span, result);
    }

    /// <summary>The list, read as Evaluate reads it but calling nothing (a variable's value as it is, an enclosing loop's item
    /// from the context, a member path through the getters); false for a function or a read Scriban has to finish.</summary>
    private bool TryPeekList(HtmlTemplateContext html, out object? list)
    {
        if (Iterator is not ScriptVariableGlobal variable) return MemberReadCache.TryReadDirect(Iterator!, html, out list);
        list = _listLoop is not null && html.TryLoopValue(_listLoop, _listDepth, out var item) ? item : html.GetValue(variable);
        return list is not IScriptCustomFunction;
    }

    private void WriteSealed(HtmlTemplateContext html, StringBuilder output)
    {
        // Scriban writes nothing for a null list (and no else), nor for an empty one when there is no else (none here).
        var peeked = TryPeekList(html, out var iterated);
        if (peeked && iterated is null or IList { Count: 0 }) return;
        // Anything unusual (a function, a read Scriban has to finish, a list that is not one to index: Scriban enumerates it,
        // a sealed loop indexes it, which an array of more than one dimension does not allow) bails out of an enclosing sealed
        // loop, or outside one goes the ordinary way, which reads the list again: reading it had no effect.
        if (!peeked || iterated is not IList list || iterated is Array { Rank: > 1 })
        {
            html.LeavingSealedCode(Iterator!.Span);
            WriteOrdinary(html);
            return;
        }
        // From its second run, the body is compiled for the type of the first item (a page rendered once pays no compiling).
        var typed = _typed;
        if (typed is null && _body is not null && ++_sealedRuns > 1 && list[0] is { } first) _typed = typed = TypedLoopBody.For(this, _body, first.GetType());
        var compiled = typed?.Write;
        html.PushLoop(this);
        html.SealedDepth++;
        try
        {
            for (var i = 0; i < list.Count; i++)
            {
                var value = list[i];
                html.SetLoopValue(value);
                if (compiled is not null && value is not null && value.GetType() == typed!.ItemType) compiled(value, html, output);
                else _body?.WriteItems(html, output);
            }
        }
        finally
        {
            html.SealedDepth--;
            html.PopLoop();
        }
    }

    protected override object? EvaluateImpl(TemplateContext context)
    {
        if (context is not HtmlTemplateContext html || context.LoopLimit != 0 || context.LoopLimitQueryable is not (null or 0) || html.DirectOutput is not { } output)
            return base.EvaluateImpl(context);

        // What ScriptForStatement.EvaluateImpl does with no named arguments, no loop limit, and a body written directly.
        var iterated = ReadList(html);
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
