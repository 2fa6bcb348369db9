namespace CspFunctions.Access;

/// <summary>Who may call an HTTP route. Declared on each function with <see cref="AccessAttribute"/>; docs/security.md
/// has the table. Only <see cref="FunctionKey"/> routes are authLevel Function: people never handle keys.</summary>
public enum RouteAccess
{
    /// <summary>Anyone, no credential (the health probe).</summary>
    Anyone,
    /// <summary>Anyone holding a signed, expiring link; the function checks the token (the lead's response form).</summary>
    SignedLink,
    /// <summary>A machine caller with its own named function key, checked by the Functions host before the worker runs.</summary>
    FunctionKey,
    /// <summary>A signed-in manager of the plan named by the route's {planId}, or an Admin.</summary>
    PlanManager,
    /// <summary>A signed-in board member or manager of the route's {planId}, or an Admin: the plan's published reports.</summary>
    PlanBoard,
    /// <summary>A signed-in manager of at least one plan, or an Admin (the plan list and the upload of a plan).</summary>
    AnyPlanManager,
}
