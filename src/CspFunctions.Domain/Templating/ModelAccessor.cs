using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace CspFunctions.Templating;

/// <summary>Reads the properties of our own model records for templates through compiled getters, under the same
/// snake_case names Scriban gives them (ReportRow.HasUpdate is has_update). Scriban's own accessor calls each getter
/// through reflection, which a report with thousands of rows pays tens of thousands of times. Read-only.</summary>
public sealed class ModelAccessor : IObjectAccessor
{
    private static readonly ConcurrentDictionary<Type, ModelAccessor> ByType = new();
    private static readonly object True = true, False = false;
    private readonly Dictionary<string, Func<object, object?>> _getters = new(StringComparer.Ordinal);

    private ModelAccessor(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true }) continue;
            var target = Expression.Parameter(typeof(object), "target");
            var value = Expression.Property(Expression.Convert(target, type), property);
            // Flags are read on every row: the two boxed booleans are shared rather than a new box per read.
            Expression read = property.PropertyType == typeof(bool)
                ? Expression.Condition(value, Expression.Constant(True, typeof(object)), Expression.Constant(False, typeof(object)))
                : Expression.Convert(value, typeof(object));
            _getters.TryAdd(StandardMemberRenamer.Default(property), Expression.Lambda<Func<object, object?>>(read, target).Compile());
        }
    }

    /// <summary>The accessor for a type of this assembly's models; null for anything else (Scriban's own accessors apply).</summary>
    public static ModelAccessor? For(Type type) =>
        type.Assembly == typeof(ModelAccessor).Assembly && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && !type.IsEnum
            ? ByType.GetOrAdd(type, static t => new ModelAccessor(t))
            : null;

    public static Func<object, object?>? Getter(Type type, string member) => For(type) is { } accessor && accessor._getters.TryGetValue(member, out var get) ? get : null;

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _getters.Count;
    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _getters.Keys;
    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => _getters.ContainsKey(member);

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (_getters.TryGetValue(member, out var get))
        {
            value = get(target);
            return true;
        }
        value = null;
        return false;
    }

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;
    public bool HasIndexer => false;
    public Type IndexType => typeof(object);
    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) { value = null; return false; }
    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;
}
