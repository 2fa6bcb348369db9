using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>A sealed loop's body (<see cref="DirectForStatement"/>) compiled for items of one of our model types: its text
/// appended as constants, and the member paths from the item (<c>a.status.id</c>) read through the properties themselves,
/// where the interpreted body reads each step through a cached getter and hands each item to the next by a virtual call. What
/// the compiled code cannot know the type of (reads of outer items and globals, loops inside, conditions with operators), and
/// any path that meets a null on the way, it hands to the interpreted item, which does exactly what it does anyway. So the
/// output is the interpreted body's, and so is every error. Items of any other type go through the interpreted body.</summary>
internal sealed class TypedLoopBody
{
    private TypedLoopBody(Type itemType, Action<object, HtmlTemplateContext, StringBuilder>? write)
    {
        ItemType = itemType;
        Write = write;
    }

    /// <summary>The exact type of item the code was compiled for.</summary>
    public Type ItemType { get; }

    /// <summary>Writes the body for one item of <see cref="ItemType"/>; null where nothing was compiled (not one of our model
    /// types, or a runtime that does not compile code).</summary>
    public Action<object, HtmlTemplateContext, StringBuilder>? Write { get; }

    public static TypedLoopBody For(DirectForStatement loop, StatementRun body, Type itemType)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || !ModelGetters.IsModelType(itemType)) return new(itemType, null);
        var code = new TypedCode(loop, itemType);
        var statements = body.Compile(code);
        var block = Expression.Block(typeof(void), code.Locals.Prepend(code.Item), Expression.Assign(code.Item, Expression.Convert(code.Boxed, itemType)), statements);
        return new(itemType, Expression.Lambda<Action<object, HtmlTemplateContext, StringBuilder>>(block, code.Boxed, code.Context, code.Output).Compile());
    }
}

/// <summary>What a body's items compile against (<see cref="TypedLoopBody"/>): the item, typed, the context and the output.</summary>
internal sealed class TypedCode(DirectForStatement loop, Type itemType)
{
    public ParameterExpression Boxed { get; } = Expression.Parameter(typeof(object), "boxed");
    public ParameterExpression Context { get; } = Expression.Parameter(typeof(HtmlTemplateContext), "context");
    public ParameterExpression Output { get; } = Expression.Parameter(typeof(StringBuilder), "output");
    public ParameterExpression Item { get; } = Expression.Variable(itemType, "item");
    public List<ParameterExpression> Locals { get; } = [];

    /// <summary>If <paramref name="expression"/> is a member path from this loop's item whose every step the compiled code can
    /// type (each a property of the exact type the interpreted read would meet: the item's, then sealed ones): adds the reads
    /// of the steps before the last to <paramref name="steps"/>, each going to <paramref name="fallback"/> on a null, and gives
    /// the last read as <paramref name="value"/>.</summary>
    public bool TryPath(ScriptExpression expression, List<Expression> steps, LabelTarget fallback, out Expression value)
    {
        value = Item;
        if (!MemberReadCache.TryLoopPath(expression, out var from, out var depth, out var members) || from != loop || depth != 0) return false;
        Expression current = Item;
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0 && !current.Type.IsSealed) return false;
            var property = ModelGetters.Property(current.Type, members[i]);
            if (property is null) return false;
            Expression read = Expression.Property(current, property);
            if (i == members.Count - 1)
            {
                value = read;
                return true;
            }
            var step = Expression.Variable(read.Type);
            Locals.Add(step);
            steps.Add(Expression.Assign(step, read));
            if (!read.Type.IsValueType) steps.Add(Expression.IfThen(Expression.ReferenceEqual(step, Expression.Constant(null, read.Type)), Expression.Goto(fallback)));
            current = step;
        }
        return false;
    }
}
