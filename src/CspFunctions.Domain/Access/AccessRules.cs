using CspFunctions.Plans;

namespace CspFunctions.Access;

/// <summary>
/// The one copy of who may do what. The worker middleware calls it in Azure and the local host calls it before it
/// invokes a function, with the route's declared <see cref="RouteAccess"/>. It fails closed: a route for people answers
/// "sign-in is not configured" unless the platform's sign-in is on, because without it a principal header is just text
/// the client chose. Rights are per plan: the plan's managers may do everything with it, its board members may read its
/// published reports, each matched on the signed-in person's Entra object id or a verified e-mail address; the Admin app
/// role sees every plan. So one deployment can serve several CSPs without one seeing another's plans.
/// </summary>
public sealed class AccessRules(IPlanStore plans)
{
    public const string EntraProvider = "aad";

    public static bool IsForPeople(RouteAccess access) => access is RouteAccess.PlanManager or RouteAccess.PlanBoard or RouteAccess.AnyPlanManager;

    public async Task<AccessDecision> DecideAsync(RouteAccess? declared, AccessRequest request, CancellationToken ct = default)
    {
        if (declared is not { } access)
            return new(AccessOutcome.Undeclared, null, "This route does not declare who may call it, so it is closed.");
        if (!IsForPeople(access)) return new(AccessOutcome.Allowed, null, "");

        if (!request.PlatformSignInEnabled)
            return new(AccessOutcome.SignInNotConfigured, null,
                "Sign-in is not configured: turn on App Service Authentication with Microsoft Entra ID for this app (docs/security.md).");
        var user = SignedInUser.FromPrincipalHeader(request.PrincipalHeader);
        if (user is null) return new(AccessOutcome.SignInRequired, null, "Sign in to continue.");
        if (user.IdentityProvider != EntraProvider)
            return new(AccessOutcome.Forbidden, user, "Sign in with your organisation's Microsoft Entra account.");
        if (user.IsAdmin) return new(AccessOutcome.Allowed, user, "");

        switch (access)
        {
            case RouteAccess.AnyPlanManager:
                foreach (var id in await plans.ListPlanIdsAsync(ct))
                    if (await plans.GetAsync(id, ct) is { } stored && IsManager(user, stored.Plan)) return new(AccessOutcome.Allowed, user, "");
                return new(AccessOutcome.Forbidden, user, "You are signed in, but you are not a manager of any plan here.");
            default:
                // A plan that does not exist and one the person may not see get the same answer, so ids cannot be probed.
                var plan = request.PlanId is { Length: > 0 } planId ? (await plans.GetAsync(planId, ct))?.Plan : null;
                var allowed = plan is not null && (IsManager(user, plan) || (access == RouteAccess.PlanBoard && IsBoardMember(user, plan)));
                return allowed
                    ? new(AccessOutcome.Allowed, user, "")
                    : new(AccessOutcome.Forbidden, user, access == RouteAccess.PlanBoard
                        ? "You are signed in, but this plan does not list you as a board member or manager."
                        : "You are signed in, but this plan does not list you as a manager.");
        }
    }

    public static bool IsManager(SignedInUser user, Plan plan) => user.IsAdmin || plan.Managers.Any(c => Matches(user, c));

    public static bool IsBoardMember(SignedInUser user, Plan plan) => plan.BoardMembers.Any(c => Matches(user, c));

    /// <summary>Whether the person may replace <paramref name="existing"/> (null: a new plan) with a plan listing
    /// <paramref name="newManagers"/>. The upload names its plan in the body, so the upload function asks here.
    /// A new plan needs an Admin or a manager who stays a manager of it.</summary>
    public static bool MayWritePlan(SignedInUser user, Plan? existing, IEnumerable<Contact> newManagers) =>
        user.IsAdmin || (existing is null ? newManagers.Any(c => Matches(user, c)) : IsManager(user, existing));

    /// <summary>The Entra object id (the id Teams notifications use) or a verified address; display names never count.</summary>
    public static bool Matches(SignedInUser user, Contact contact) =>
        (user.ObjectId is { Length: > 0 } oid && string.Equals(contact.TeamsUserId, oid, StringComparison.OrdinalIgnoreCase)) ||
        user.VerifiedEmails.Any(e => string.Equals(e, contact.Email?.Trim(), StringComparison.OrdinalIgnoreCase));
}
