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

    /// <summary>The getter of a member of one of this assembly's model types; null for an unknown member or any other
    /// type (lists, enums, Scriban's objects), which Scriban reads its own way.</summary>
    public static Func<object, object?>? Find(Type type, string member) =>
        type.Assembly == typeof(ModelGetters).Assembly && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && !type.IsEnum
        && ByType.GetOrAdd(type, Compile).TryGetValue(member, out var get)
            ? get
            : null;

    private static IReadOnlyDictionary<string, Func<object, object?>> Compile(Type type)
    {
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true }) continue;
            var target = Expression.Parameter(typeof(object), "target");
            var value = Expression.Property(Expression.Convert(target, type), property);
            // Flags are read on every row: the two boxed booleans are shared rather than a new box per read.
            Expression read = property.PropertyType == typeof(bool)
                ? Expression.Condition(value, Expression.Constant(True, typeof(object)), Expression.Constant(False, typeof(object)))
                : Expression.Convert(value, typeof(object));
            getters.TryAdd(StandardMemberRenamer.Default(property), Expression.Lambda<Func<object, object?>>(read, target).Compile());
        }
        return getters;
    }
}
