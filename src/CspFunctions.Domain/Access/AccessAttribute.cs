namespace CspFunctions.Access;

/// <summary>Declares who may call an HTTP function. Every HTTP function has one: a route without it is refused (fails closed),
/// and a test checks each against functions.metadata's authLevel and the table in docs/security.md.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AccessAttribute(RouteAccess access) : Attribute
{
    public RouteAccess Access { get; } = access;

    /// <summary>For <see cref="RouteAccess.FunctionKey"/>: the name of the caller's own function key (one per caller).</summary>
    public string? KeyName { get; init; }

    /// <summary>The route parameter that names the plan, for the per-plan levels.</summary>
    public string PlanParameter { get; init; } = "planId";
}
