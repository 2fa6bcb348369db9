using System.Globalization;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

public sealed record FormSubmission(IReadOnlyList<ActionAnswer> Answers, IReadOnlyList<FieldError> Errors)
{
    public static string StatusField(int n) => $"status-{n}";
    public static string RagField(int n) => $"rag-{n}";
    public static string TextField(int n) => $"text-{n}";
    public static string UnchangedField(int n) => $"unchanged-{n}";
    public static string BaseField(int n) => $"base-{n}";

    /// <summary>Reads and checks the posted fields for the lead's actions; fields for other actions are ignored.</summary>
    public static FormSubmission Read(IReadOnlyDictionary<string, string> fields, ResponseContext context, int maxText)
    {
        var answers = new List<ActionAnswer>();
        var errors = new List<FieldError>();
        foreach (var action in context.Actions)
        {
            var n = action.Number;
            var shown = action.Ref;
            var statusText = fields.GetValueOrDefault(StatusField(n))?.Trim() ?? "";
            var ragText = fields.GetValueOrDefault(RagField(n))?.Trim() ?? "";
            var text = (fields.GetValueOrDefault(TextField(n)) ?? "").Replace("\r\n", "\n").Trim();
            var unchanged = fields.GetValueOrDefault(UnchangedField(n)) is { Length: > 0 };
            _ = int.TryParse(fields.GetValueOrDefault(BaseField(n)), NumberStyles.None, CultureInfo.InvariantCulture, out var baseVersion);

            ProgressStatus? status = Enum.TryParse<ProgressStatus>(statusText, out var s) && Enum.IsDefined(s) && s != ProgressStatus.NotGiven && statusText.All(char.IsLetter) ? s : null;
            Rag? rag = Enum.TryParse<Rag>(ragText, out var r) && Enum.IsDefined(r) && r != Progress.Rag.NotGiven && ragText.All(char.IsLetter) ? r : null;
            if (statusText.Length > 0 && status is null) errors.Add(new(StatusField(n), $"Choose a status for action {shown} from the list."));
            if (ragText.Length > 0 && rag is null) errors.Add(new(RagField(n), $"Choose red, amber or green for action {shown}."));
            var answer = new ActionAnswer(n, status, rag, text, unchanged, baseVersion);
            answers.Add(answer);
            if (answer.IsEmpty) continue;

            if (text.Length > maxText)
                errors.Add(new(TextField(n), $"The progress for action {shown} is {text.Length:N0} characters; the limit is {maxText:N0}. Shorten it, or send long documents as an email attachment."));
            if (unchanged)
            {
                if (!context.LastQuarter.ContainsKey(n))
                    errors.Add(new(UnchangedField(n), $"Action {shown} has no update from last quarter to carry forward. Untick \"No change\" and enter the progress."));
                continue;
            }
            if (text.Length == 0) errors.Add(new(TextField(n), $"Enter the progress for action {shown}, or tick \"No change since last quarter\"."));
            if (status is null && statusText.Length == 0) errors.Add(new(StatusField(n), $"Choose a status for action {shown}."));
            if (rag is null && ragText.Length == 0) errors.Add(new(RagField(n), $"Choose a RAG rating for action {shown}."));
        }
        if (errors.Count == 0 && answers.All(a => a.IsEmpty) && answers.Count > 0)
            errors.Add(new(TextField(answers[0].ActionNumber), "Nothing was entered. Enter the progress for at least one action, or tick \"No change since last quarter\"."));
        return new(answers, errors);
    }
}
