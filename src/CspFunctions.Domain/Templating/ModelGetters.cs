using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Scriban.Runtime;

namespace CspFunctions.Templating;

/// <summary>Compiled getters for the properties of our own model records, under the snake_case names Scriban gives them
/// (ReportRow.HasUpdate is has_update). Scriban's own accessor calls each getter through reflection, which a report with
/// thousands of rows pays tens of thousands of times; <see cref="MemberReadCache"/> uses these instead.</summary>
public static class ModelGetters
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<object, object?>>> ByType = new();
    private static readonly object True = true, False = false;

    /// <summary>What a getter gives for an object of another type than the one it was made for.</summary>
    public static readonly object Miss = new();

    /// <summary>The getter of a member of one of this assembly's model types; null for an unknown member or any other
    /// type (lists, enums, Scriban's objects), which Scriban reads its own way. Given an object of any other type than
    /// <paramref name="type"/>, the getter returns <see cref="Miss"/>, so a caller can keep one and try it first.</summary>
    public static Func<object, object?>? Find(Type type, string member) =>
        IsModelType(type) && ByType.GetOrAdd(type, Compile).TryGetValue(member, out var get)
            ? get
            : null;

    /// <summary>Whether <see cref="Find"/> gives getters for the type's members (one of this assembly's model types).</summary>
    public static bool IsModelType(Type type) =>
        type.Assembly == typeof(ModelGetters).Assembly && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && !type.IsEnum;

    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> PropertiesByType = new();

    /// <summary>The property whose getter <see cref="Find"/> gives for the member, or null.</summary>
    public static PropertyInfo? Property(Type type, string member) =>
        IsModelType(type) && PropertiesByType.GetOrAdd(type, Properties).TryGetValue(member, out var property) ? property : null;

    /// <summary>A type's readable properties under Scriban's names; the first of a name wins, as in Scriban's own accessor.</summary>
    private static IReadOnlyDictionary<string, PropertyInfo> Properties(Type type)
    {
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true }) continue;
            properties.TryAdd(StandardMemberRenamer.Default(property), property);
        }
        return properties;
    }

    private static readonly ConcurrentDictionary<Type, Func<object, object?>?> Sizes = new();

    /// <summary>For a list or an array that Scriban reads with its list or array accessor (not one of its own objects, not a
    /// dictionary): the getter of <c>size</c>, the count, as Scriban gives it; else null. Like <see cref="Find"/>'s, it returns
    /// <see cref="Miss"/> for an object of another type.</summary>
    public static Func<object, object?>? Size(Type type) => Sizes.GetOrAdd(type, static t =>
        (t.IsArray || typeof(System.Collections.IList).IsAssignableFrom(t)) && !typeof(IScriptObject).IsAssignableFrom(t)
        && !typeof(System.Collections.IDictionary).IsAssignableFrom(t)
        && !t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)))
            ? target => target.GetType() == t ? ((System.Collections.ICollection)target).Count : Miss
            : null);

    private static IReadOnlyDictionary<string, Func<object, object?>> Compile(Type type)
    {
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        foreach (var (name, property) in PropertiesByType.GetOrAdd(type, Properties))
        {
            var target = Expression.Parameter(typeof(object), "target");
            var value = Expression.Property(Expression.Convert(target, type), property);
            // Flags are read on every row: the two boxed booleans are shared rather than a new box per read.
            Expression read = property.PropertyType == typeof(bool)
                ? Expression.Condition(value, Expression.Constant(True, typeof(object)), Expression.Constant(False, typeof(object)))
                : Expression.Convert(value, typeof(object));
            // Exactly this type (for a sealed one a type test is that, and cheaper to run).
            Expression isType = type.IsSealed ? Expression.TypeIs(target, type) : Expression.TypeEqual(target, type);
            var guarded = Expression.Condition(isType, read, Expression.Constant(Miss, typeof(object)));
            getters.Add(name, Expression.Lambda<Func<object, object?>>(guarded, target).Compile());
        }
        return getters;
    }
}
