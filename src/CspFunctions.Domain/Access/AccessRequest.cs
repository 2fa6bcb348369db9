namespace CspFunctions.Access;

/// <param name="PlatformSignInEnabled">App Service Authentication is on (WEBSITE_AUTH_ENABLED). Only then is the principal header
/// the platform's: without it the header is whatever the client sent.</param>
/// <param name="PrincipalHeader">X-MS-CLIENT-PRINCIPAL as received.</param>
/// <param name="PlanId">The route's plan, for the per-plan levels.</param>
public sealed record AccessRequest(bool PlatformSignInEnabled, string? PrincipalHeader, string? PlanId);
