using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>Builds a lead's <see cref="ActionEntry"/> rows: blank (prefilled with a reply's text), or as posted, with the
/// placements to save and the errors of anything not understood. The form's fields are include-N, text-N, status-N,
/// rag-N and base-N per action N.</summary>
public static class ActionEntries
{
    public static IReadOnlyList<ActionEntry> Blank(Plan plan, Lead lead, IReadOnlyDictionary<int, ProgressUpdate> latest, string text) =>
        plan.ActionsLedBy(lead.Id).Select(a =>
        {
            latest.TryGetValue(a.Number, out var current);
            return new ActionEntry(a.Number, TextBlocks.Parse(a.Text), false, text, (current?.Status ?? ProgressStatus.OnTrack).ToString(), (current?.Rag ?? Rag.Amber).ToString(),
                current?.Version ?? 0, Describe(current), null, null, null, null) { Ref = a.Ref };
        }).ToList();

    /// <summary>The entries as posted, the placements for the chosen ones, and errors for a chosen one without a status or
    /// RAG (with any of these, nothing is to be saved).</summary>
    public static (IReadOnlyList<ActionEntry> Entries, IReadOnlyList<ReplyPlacement> Placements, List<FieldError> Errors) Posted(Plan plan, Lead lead,
        IReadOnlyDictionary<int, ProgressUpdate> latest, Func<string, string?> form)
    {
        var entries = new List<ActionEntry>();
        var placements = new List<ReplyPlacement>();
        var errors = new List<FieldError>();
        foreach (var a in plan.ActionsLedBy(lead.Id))
        {
            latest.TryGetValue(a.Number, out var current);
            var include = form($"include-{a.Number}") == "yes";
            var text = form($"text-{a.Number}") ?? "";
            var statusText = form($"status-{a.Number}") ?? "";
            var ragText = form($"rag-{a.Number}") ?? "";
            var baseVersion = int.TryParse(form($"base-{a.Number}"), out var b) ? b : current?.Version ?? 0;
            string? statusError = null, ragError = null;
            if (include)
            {
                if (!ProgressStatusNames.TryParse(statusText, out var status) || status == ProgressStatus.NotGiven) statusError = $"Choose a status for action {a.Ref}";
                if (!Enum.TryParse<Rag>(ragText, out var rag) || !Enum.IsDefined(rag) || rag == Rag.NotGiven) ragError = $"Choose red, amber or green for action {a.Ref}";
                if (statusError is null && ragError is null) placements.Add(new ReplyPlacement(a.Number, text, status, rag, baseVersion));
                if (statusError is not null) errors.Add(new FieldError($"status-{a.Number}", statusError));
                if (ragError is not null) errors.Add(new FieldError($"rag-{a.Number}", ragError));
            }
            entries.Add(new ActionEntry(a.Number, TextBlocks.Parse(a.Text), include, text, statusText, ragText, baseVersion, Describe(current), null, statusError, ragError, null) { Ref = a.Ref });
        }
        // Actions posted that the lead does not lead (a stale page after an edit, or a forged form) are refused, not dropped.
        foreach (var n in plan.Actions.Select(a => a.Number).Where(n => form($"include-{n}") == "yes" && entries.All(e => e.Number != n)))
            placements.Add(new ReplyPlacement(n, form($"text-{n}") ?? "", ProgressStatus.OnTrack, Rag.Amber, 0));
        return (entries, placements, errors);
    }

    /// <summary>The entries with the save's field errors on them and, for a conflict, the other person's update beside the action.</summary>
    public static IReadOnlyList<ActionEntry> WithOutcome(IReadOnlyList<ActionEntry> entries, IReadOnlyList<FieldError> errors, object? theirs) =>
        entries.Select(e => e with
        {
            TextError = errors.FirstOrDefault(x => x.FieldId == e.TextId)?.Message ?? e.TextError,
            Theirs = theirs is ProgressUpdate u && u.ActionNumber == e.Number ? Describe(u) : e.Theirs,
        }).ToList();

    public static string? Describe(ProgressUpdate? u) => u is null ? null :
        $"{u.Status.Display()}, {u.Rag.Display()}, by {u.GivenBy} on {ManagerText.ShortDate(u.GivenAt)} (version {u.Version}): {u.Text}";
}
