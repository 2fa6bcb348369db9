using System.Globalization;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Responses;

/// <summary>The personal progress form (Responses/Templates/response-form.html.sbn): the lead's actions, each with last
/// quarter's update, what was saved this quarter, a colleague's conflicting save, and the fields as the contact left them.</summary>
public sealed record ResponseFormPage(
    string LeadName,
    string PlanName,
    string RoundId,
    string Due,
    string ContactName,
    string FormAction,
    IReadOnlyList<ResponseFormPage.ErrorLink> Errors,
    IReadOnlyList<ResponseFormPage.ErrorLink> Conflicts,
    IReadOnlyList<ResponseFormPage.UnplacedReply> Unplaced,
    IReadOnlyList<ResponseFormPage.ActionPart> Actions)
{
    public const string Template = "response-form.html.sbn";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        ProgressStatusNames.Choosable.Select(s => (s.ToString(), s.Display())).ToList();

    private static readonly IReadOnlyList<(string Value, string Text)> Rags =
        Enum.GetValues<Rag>().Where(r => r != Progress.Rag.NotGiven).Select(r => (r.ToString(), r.ToString())).ToList();

    public bool HasErrors => Errors.Count > 0;

    public sealed record ErrorLink(string Href, string Text);

    public sealed record UnplacedReply(string Received, IReadOnlyList<string> Lines);

    /// <summary>An update shown for reading: last quarter's, or the one a colleague saved meanwhile.</summary>
    public sealed record Shown(string Heading, string Status, string Rag, string RagColour, IReadOnlyList<TextBlock> Text);

    public sealed record Option(string Value, string Text, bool Selected);

    public sealed record Field(string Id, string Label, string? Error)
    {
        public string ErrorId => Id + "-error";
    }

    public sealed record ActionPart(
        int Number,
        IReadOnlyList<TextBlock> Text,
        Shown? Last,
        string? SavedNote,
        Shown? Conflict,
        string BaseField,
        int BaseVersion,
        Field? Unchanged,
        bool UnchangedChecked,
        Field Status,
        IReadOnlyList<Option> StatusOptions,
        Field Rag,
        IReadOnlyList<Option> RagOptions,
        Field Progress,
        string ProgressText)
    {
        /// <summary>The reference as the plan writes it ("1.2"); <see cref="Number"/> keys the fields.</summary>
        public string Ref { get; init; } = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public string HeadingId => $"action-{Number}";
        public string ConflictId => $"conflict-{Number}";
    }

    public static string RagColour(Rag rag) => rag switch { Progress.Rag.Red => "red", Progress.Rag.Amber => "yellow", Progress.Rag.Green => "green", _ => "grey" };

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm", English) + " UTC";

    public static ResponseFormPage For(ResponseContext context, string token, FormSubmission? posted, IReadOnlyList<SaveConflict> conflicts)
    {
        var errors = posted?.Errors ?? [];
        var answers = posted?.Answers.ToDictionary(a => a.ActionNumber) ?? [];
        var conflictsByAction = conflicts.ToDictionary(c => c.Yours.ActionNumber);
        string? ErrorOf(string id) => errors.FirstOrDefault(e => e.FieldId == id)?.Message;

        var actions = new List<ActionPart>(context.Actions.Count);
        foreach (var action in context.Actions)
        {
            var n = action.Number;
            answers.TryGetValue(n, out var answer);
            context.Current.TryGetValue(n, out var current);
            context.LastQuarter.TryGetValue(n, out var last);
            conflictsByAction.TryGetValue(n, out var conflict);
            var baseVersion = conflict is not null ? conflict.Theirs.Version : answer?.BaseVersion ?? current?.Version ?? 0;
            var status = answer?.Status ?? (answer is null ? current?.Status : null);
            var rag = answer?.Rag ?? (answer is null ? current?.Rag : null);
            var statusText = status?.ToString();
            var ragText = rag?.ToString();
            actions.Add(new ActionPart(
                n,
                TextBlocks.Parse(action.Text),
                last is null ? null : new Shown("Last quarter's update", last.Status.Display(), last.Rag.Display(), RagColour(last.Rag), TextBlocks.Parse(last.Text)),
                current is not null && conflict is null ? $"Saved this quarter by {current.GivenBy} on {At(current.GivenAt)}." : null,
                conflict is null ? null : new Shown($"Saved by {conflict.Theirs.GivenBy} on {At(conflict.Theirs.GivenAt)}", conflict.Theirs.Status.Display(),
                    conflict.Theirs.Rag.Display(), RagColour(conflict.Theirs.Rag), TextBlocks.Parse(conflict.Theirs.Text)),
                FormSubmission.BaseField(n),
                baseVersion,
                last is null ? null : new Field(FormSubmission.UnchangedField(n), "No change since last quarter", ErrorOf(FormSubmission.UnchangedField(n))),
                answer?.Unchanged ?? false,
                new Field(FormSubmission.StatusField(n), "Status", ErrorOf(FormSubmission.StatusField(n))),
                Statuses.Select(s => new Option(s.Value, s.Text, s.Value == statusText)).ToList(),
                new Field(FormSubmission.RagField(n), "RAG rating", ErrorOf(FormSubmission.RagField(n))),
                Rags.Select(r => new Option(r.Value, r.Text, r.Value == ragText)).ToList(),
                new Field(FormSubmission.TextField(n), "Progress this quarter", ErrorOf(FormSubmission.TextField(n))),
                answer?.Text ?? current?.Text ?? "") { Ref = action.Ref });
        }
        return new ResponseFormPage(
            context.Lead.Name,
            context.Plan.Name,
            context.Round.Id,
            context.Round.DueDate.ToString("d MMMM yyyy", English),
            context.Contact.Name,
            "/api/respond/" + Uri.EscapeDataString(token),
            errors.Select(e => new ErrorLink("#" + e.FieldId, e.Message)).ToList(),
            conflicts.Select(c => new ErrorLink($"#conflict-{c.Yours.ActionNumber}", $"Action {context.Plan.RefOf(c.Yours.ActionNumber)} was saved by {c.Theirs.GivenBy} while you were editing.")).ToList(),
            context.Unplaced.Select(r => new UnplacedReply(r.ReceivedAt.UtcDateTime.ToString("d MMMM yyyy HH:mm", English) + " UTC", (r.UnassignedText ?? "").Split('\n'))).ToList(),
            actions);
    }
}
