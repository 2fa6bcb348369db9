namespace CspFunctions.Access;

public enum AccessOutcome
{
    Allowed,
    /// <summary>The route is for people but the platform's sign-in (App Service Authentication with Entra ID) is not on: 503.</summary>
    SignInNotConfigured,
    /// <summary>Nobody is signed in: a browser is sent to sign in, any other client gets 401.</summary>
    SignInRequired,
    /// <summary>Signed in, without the right to this route: 403.</summary>
    Forbidden,
    /// <summary>The function declares no access: refused, so a forgotten declaration never opens a route.</summary>
    Undeclared,
}
