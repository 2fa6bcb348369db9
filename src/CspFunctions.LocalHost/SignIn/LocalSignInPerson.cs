namespace CspFunctions.LocalHost.SignIn;

/// <summary>Someone a stored plan lists, offered on the local sign-in page.</summary>
public sealed record LocalSignInPerson(string Name, string Email, string ObjectId, string Role, string PlanName);
