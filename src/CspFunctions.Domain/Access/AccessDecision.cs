namespace CspFunctions.Access;

/// <summary>What <see cref="AccessRules"/> decided, the person (when one is signed in) and a sentence for them.</summary>
public sealed record AccessDecision(AccessOutcome Outcome, SignedInUser? User, string Message)
{
    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
}
