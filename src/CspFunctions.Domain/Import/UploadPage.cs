namespace CspFunctions.Import;

/// <summary>The plan upload form (Import/Templates/upload.html.sbn) with what the manager entered, and the outcome of the
/// last step: a preview to confirm (nothing stored yet), the plan imported, or every problem (each linked to the field to
/// fix), with nothing changed.</summary>
public sealed record UploadPage(string FormAction, UploadPage.Entered Values)
{
    public const string Template = "upload.html.sbn";

    public sealed record Entered(string Id, string Name, string Year, string ManagerName, string ManagerEmail, string Round)
    {
        public static readonly Entered Empty = new("", "", "", "", "", "");
    }

    public sealed record Problem(string Text, string Field);

    public sealed record Imported(string Text, string PlanId, string Href);

    /// <summary>What the file was understood to hold; the confirm form carries its document back unchanged.</summary>
    public ImportPreview? Preview { get; init; }
    public int MaxMegabytes { get; init; } = 10;
    public IReadOnlyList<Problem> Problems { get; init; } = [];
    public string? ProblemIntro { get; init; }
    public Imported? Done { get; init; }

    public bool HasErrors => Problems.Count > 0;
    public string Title => Preview is null ? "Upload a plan" : "Check the plan before importing";

    public UploadPage WithError(string text, string field = "file") => this with { Problems = [new Problem(text, field)] };

    public UploadPage WithProblems(IReadOnlyList<string> problems) => this with
    {
        ProblemIntro = $"The plan was not imported: {problems.Count} problem(s). Nothing was changed.",
        Problems = problems.Select(p => new Problem(p, "file")).ToList(),
    };

    public UploadPage WithImported(ImportOutcome outcome, string href) => this with
    {
        Done = new Imported($"{(outcome.Created ? "Created" : "Updated")} plan {outcome.PlanId}: {outcome.Actions} actions, {outcome.Leads} leads, {outcome.UpdatesAdded} updates added.", outcome.PlanId, href),
    };
}
