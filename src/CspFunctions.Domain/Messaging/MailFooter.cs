namespace CspFunctions.Messaging;

/// <summary>What every mail's footer says (Messaging/Templates/mail-layout.*.sbn): who sent it, why the reader got it,
/// and how to stop getting it.</summary>
public sealed record MailFooter(string SentBy, string Reason, string HowToStop)
{
    public const string Service = "the Community Safety Partnership's progress system";

    /// <summary>"Sent by ... on behalf of the CSP manager, Name (email)." or without a manager.</summary>
    public static string OnBehalfOf(Plans.Plan plan) => plan.Managers.FirstOrDefault() is { } m
        ? $"Sent automatically by {Service} for {plan.Name}, on behalf of the CSP manager, {m.Name} ({m.Email})."
        : $"Sent automatically by {Service} for {plan.Name}.";
}
