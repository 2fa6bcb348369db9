using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>The round page's controls (Reporting/Templates/manage-round.html.sbn): move the due date for the round or one
/// lead, close or re-open the round, and per lead chase now, record an update on their behalf, or open the lead's page.
/// Every form carries the round's ETag, so a change made from a page someone else has overtaken is refused.</summary>
public sealed record RoundSteerPart(
    string ETag,
    string ExtendAction,
    string DueValue,
    string? DueError,
    IReadOnlyList<Choice> LeadChoices,
    string? LeadError,
    string? CloseAction,
    string? ReopenAction,
    string? StateError,
    IReadOnlyList<RoundSteerPart.LeadTool> Leads)
{
    public sealed record LeadTool(string Id, string Name, string Href, string Due, bool OwnDue, string RecordHref, string? ChaseAction);

    public static string Action(string planId, string roundId, string step) =>
        $"manage/plans/{ManagerLinks.Seg(planId)}/rounds/{ManagerLinks.Seg(roundId)}/steer/{step}";

    /// <summary>Null for a published round: its dates and state are locked.</summary>
    public static RoundSteerPart? For(StoredPlan stored, ReportingRound round, ManagerLinks links, string? enteredDue = null, string? enteredLead = null)
    {
        if (round.State == RoundState.Published) return null;
        var plan = stored.Plan;
        var to = (string step) => links.To(Action(plan.Id, round.Id, step));
        var leads = plan.Leads.Where(l => plan.ActionsLedBy(l.Id).Any()).ToList();
        return new RoundSteerPart(
            stored.RoundETags.GetValueOrDefault(round.Id) ?? "",
            to("extend"),
            enteredDue ?? round.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            null,
            [new Choice("", "Everyone in the round", string.IsNullOrEmpty(enteredLead)), .. leads.Select(l => new Choice(l.Id, l.Name, l.Id == enteredLead))],
            null,
            round.State == RoundState.Open ? to("close") : null,
            round.State == RoundState.Closed ? to("reopen") : null,
            null,
            leads.Select(l => new LeadTool(l.Id, l.Name, PlanHistoryLinks.Lead(links, plan.Id, l.Id), ManagerText.Date(round.DueDateFor(l.Id)), round.LeadDueDates.ContainsKey(l.Id),
                links.To(RecordUpdatePage.Path(plan.Id, round.Id, l.Id)), round.State == RoundState.Open ? to("chase") : null)).ToList());
    }

    public RoundSteerPart WithErrors(IReadOnlyList<Responses.FieldError> errors) => this with
    {
        DueError = errors.FirstOrDefault(e => e.FieldId == "due-date")?.Message,
        LeadError = errors.FirstOrDefault(e => e.FieldId == "lead")?.Message,
        StateError = errors.FirstOrDefault(e => e.FieldId is "state" or "round")?.Message,
    };
}
