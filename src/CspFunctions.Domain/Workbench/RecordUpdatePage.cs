using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>An update a lead gave by phone, in a meeting or by email, typed in by the manager
/// (Workbench/Templates/record-update.html.sbn): who gave it, when and how, and the lead's actions to put it on.</summary>
public sealed record RecordUpdatePage(
    string Title,
    string PlanName,
    string RoundId,
    string LeadName,
    string FormAction,
    string BackHref,
    IReadOnlyList<ErrorLink> Errors,
    string? Conflict,
    string GivenBy,
    string? GivenByError,
    string GivenOn,
    string? GivenOnError,
    IReadOnlyList<Choice> Ways,
    string? GivenHowError,
    string ContactNames,
    IReadOnlyList<ActionEntry> Actions)
{
    public const string Template = "record-update.html.sbn";

    public bool HasErrors => Errors.Count > 0;
    public string? ActionsError { get; init; }

    public static string Path(string planId, string roundId, string leadId) =>
        $"manage/plans/{ManagerLinks.Seg(planId)}/rounds/{ManagerLinks.Seg(roundId)}/leads/{ManagerLinks.Seg(leadId)}/record";

    public static RecordUpdatePage For(Plan plan, ReportingRound round, Lead lead, IReadOnlyDictionary<int, ProgressUpdate> latest, DateOnly today, ManagerLinks links) => new(
        $"Record an update for {lead.Name}", plan.Name, round.Id, lead.Name, links.To(Path(plan.Id, round.Id, lead.Id)), links.Round(plan.Id, round.Id), [], null,
        lead.Contacts.FirstOrDefault()?.Name ?? "", null, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, WaysWith("phone"), null,
        string.Join(", ", lead.Contacts.Select(c => c.Name)), ActionEntries.Blank(plan, lead, latest, ""));

    public static IReadOnlyList<Choice> WaysWith(string? chosen) =>
        UpdateRecorder.Ways.Select(w => new Choice(w, w switch { "phone" => "By phone", "meeting" => "In a meeting", "email" => "By email to me", _ => "Another way" }, w == chosen)).ToList();

    /// <summary>The page again after a refused or conflicting save, with the errors on their fields.</summary>
    public RecordUpdatePage WithOutcome(WorkbenchOutcome outcome) => this with
    {
        Errors = ErrorLink.Of(outcome.Errors),
        Conflict = outcome.Conflict,
        Actions = ActionEntries.WithOutcome(Actions, outcome.Errors, outcome.Theirs),
        GivenByError = outcome.Errors.FirstOrDefault(e => e.FieldId == "given-by")?.Message,
        GivenOnError = outcome.Errors.FirstOrDefault(e => e.FieldId == "given-on")?.Message,
        GivenHowError = outcome.Errors.FirstOrDefault(e => e.FieldId == "given-how")?.Message,
        ActionsError = outcome.Errors.FirstOrDefault(e => e.FieldId == "actions")?.Message,
    };
}
