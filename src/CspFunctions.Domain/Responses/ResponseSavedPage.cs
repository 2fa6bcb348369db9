using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>The page after a save (Responses/Templates/response-saved.html.sbn): what was captured, and whether a copy
/// was emailed.</summary>
public sealed record ResponseSavedPage(string PlanName, string RoundId, string LeadName, IReadOnlyList<ResponseSavedPage.CapturedUpdate> Captured, bool Emailed, string Email, string FormUrl)
{
    public const string Template = "response-saved.html.sbn";

    public sealed record CapturedUpdate(int Number, string Status, string Rag, string RagColour, IReadOnlyList<string> Lines)
    {
        public string Ref { get; init; } = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static ResponseSavedPage For(ResponseContext context, SaveOutcome outcome, string formUrl, bool emailed) => new(
        context.Plan.Name, context.Round.Id, context.Lead.Name,
        outcome.Saved.Concat(outcome.AlreadyCurrent).OrderBy(u => context.Plan.RefOf(u.ActionNumber), Import.ActionReference.NaturalOrder)
            .Select(u => new CapturedUpdate(u.ActionNumber, u.Status.Display(), u.Rag.Display(), ResponseFormPage.RagColour(u.Rag), u.Text.Split('\n')) { Ref = context.Plan.RefOf(u.ActionNumber) }).ToList(),
        emailed, context.Contact.Email, formUrl);
}
