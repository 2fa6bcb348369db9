using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>The round page's action list and its filters (a GET form: status, RAG, answered, lead), each action with its
/// answer this round beside last quarter's RAG. A value not understood is shown as an error, and nothing is filtered by it.</summary>
public sealed record RoundFilterPart(
    string Action,
    IReadOnlyList<Choice> Statuses,
    IReadOnlyList<Choice> Rags,
    IReadOnlyList<Choice> Answered,
    IReadOnlyList<Choice> Leads,
    IReadOnlyList<ErrorLink> Errors,
    int Total,
    IReadOnlyList<RoundFilterPart.Row> Rows)
{
    public sealed record Row(int Number, string Href, string Text, string Leads, string? Status, string? Rag, string RagColour, string? LastQuarterRag, string? GivenBy);

    public bool HasErrors => Errors.Count > 0;

    public static RoundFilterPart For(RoundView view, string? status, string? rag, string? answered, string? lead, ManagerLinks links)
    {
        var plan = view.Plan;
        var (filter, errors) = RoundFilter.Parse(plan, status, rag, answered, lead);
        var rows = view.Rows(filter);
        string Keep(string? value, string field) => errors.Any(e => e.FieldId == field) ? "" : value ?? "";
        return new RoundFilterPart(
            links.Round(plan.Id, view.Round.Id),
            [new Choice("", "Any status", Keep(status, "status") == ""), .. ProgressStatusNames.Choosable.Select(s => new Choice(s.ToString(), s.Display(), filter.Status == s))],
            [new Choice("", "Any RAG", Keep(rag, "rag") == ""), .. new[] { Rag.Red, Rag.Amber, Rag.Green }.Select(r => new Choice(r.ToString(), r.ToString(), filter.Rag == r))],
            [new Choice("", "Answered or not", filter.Answered is null), new Choice("yes", "Answered", filter.Answered == true), new Choice("no", "Not answered", filter.Answered == false)],
            [new Choice("", "Any lead", filter.LeadId is null), .. plan.Leads.Select(l => new Choice(l.Id, l.Name, filter.LeadId == l.Id))],
            errors.Select(e => new ErrorLink("#filter-" + e.FieldId, e.Message)).ToList(),
            plan.Actions.Count,
            rows.Select(r => new Row(r.Action.Number, PlanHistoryLinks.Action(links, plan.Id, r.Action.Number), Short(r.Action.Text),
                string.Join(", ", r.Action.LeadIds.Select(id => plan.FindLead(id)?.Name ?? id)),
                r.Latest?.Status.Display(), r.Latest?.Rag.Display(), Colour(r.Latest?.Rag), r.LastQuarter?.Rag.Display(), r.Latest?.GivenBy)).ToList());
    }

    private static string Short(string text) => text.Length <= 140 ? text : text[..137].TrimEnd() + "...";

    private static string Colour(Rag? rag) => rag switch { Rag.Red => "red", Rag.Amber => "orange", Rag.Green => "green", _ => "grey" };
}
