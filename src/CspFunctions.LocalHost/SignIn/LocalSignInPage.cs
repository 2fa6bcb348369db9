namespace CspFunctions.LocalHost.SignIn;

/// <summary>The local sign-in page (Templating/Templates/local-sign-in.html.sbn): the people the plans list, and a form for
/// anyone else.</summary>
public sealed record LocalSignInPage(IReadOnlyList<LocalSignInPerson> People, string ReturnTo, string? SignedInAs)
{
    public const string Template = "local-sign-in.html.sbn";
}
