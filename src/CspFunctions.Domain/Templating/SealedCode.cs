using Scriban.Syntax;

namespace CspFunctions.Templating;

/// <summary>The expressions a sealed loop's body may hold (<see cref="DirectForStatement.IsSealable"/>): ones whose evaluation
/// reads the model and compares, and never looks a loop's variable up in Scriban's stores, reads <c>for</c>, assigns, or calls
/// a function (all of which could see the loop state a sealed loop does not keep). What they read at run time is checked too:
/// a read that Scriban has to finish, or a value that is a function, bails out (<see cref="SealedLoopBailout"/>).</summary>
internal static class SealedCode
{
    /// <summary>A member path from a variable (<c>a.status.id</c>, <c>page.actions</c>), each step a cached read, not from a
    /// loop's own object (<c>for</c>, <c>while</c>, <c>tablerow</c>).</summary>
    public static bool IsMemberPath(ScriptExpression? expression)
    {
        if (!MemberReadCache.IsCachedRead(expression)) return false;
        var step = expression;
        while (MemberReadCache.IsCachedRead(step)) step = ((ScriptMemberExpression)step!).Target;
        // for.index and the like are a loop's state, which a sealed loop does not keep.
        return IsVariable(step);
    }

    /// <summary>A plain variable, not a loop's own object: a sealed loop's list (one bound to an enclosing direct loop's item
    /// is read from the context, <see cref="DirectForStatement.BindList"/>).</summary>
    public static bool IsVariable(ScriptExpression? expression) => expression is ScriptVariableGlobal variable && expression.GetType() == typeof(ScriptVariableGlobal) && !IsLoopObject(variable.Name);

    private static bool IsLoopObject(string name) => name == ScriptVariable.ForObject.Name || name == ScriptVariable.WhileObject.Name || name == ScriptVariable.TablerowObject.Name;

    /// <summary>A member path, a literal, or those compared and combined (<c>==</c>, <c>&lt;</c>, <c>&amp;&amp;</c>, <c>!</c>,
    /// parentheses).</summary>
    public static bool IsCondition(ScriptExpression? expression) => expression switch
    {
        ScriptLiteral => true,
        ScriptNestedExpression nested => IsCondition(nested.Expression),
        ScriptUnaryExpression { Operator: ScriptUnaryOperator.Not } unary => IsCondition(unary.Right),
        ScriptBinaryExpression binary => binary.Operator is ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual
                or ScriptBinaryOperator.CompareLess or ScriptBinaryOperator.CompareLessOrEqual or ScriptBinaryOperator.CompareGreater
                or ScriptBinaryOperator.CompareGreaterOrEqual or ScriptBinaryOperator.And or ScriptBinaryOperator.Or
            && IsCondition(binary.Left) && IsCondition(binary.Right),
        _ => IsMemberPath(expression),
    };
}
