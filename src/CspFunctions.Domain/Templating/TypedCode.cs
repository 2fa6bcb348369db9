using System.Linq.Expressions;
using System.Text;
using Scriban.Syntax;

namespace CspFunctions.Templating;

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
