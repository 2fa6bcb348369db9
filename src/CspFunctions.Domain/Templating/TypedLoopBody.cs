using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;

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
