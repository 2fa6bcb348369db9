using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Workbench;

/// <summary>The round page's filters; a null field does not filter. Status and RAG match the latest update, so
/// choosing either leaves out actions with no answer yet.</summary>
public sealed record RoundFilter(ProgressStatus? Status = null, Rag? Rag = null, bool? Answered = null, string? LeadId = null)
{
    public static RoundFilter None { get; } = new();

    public IReadOnlyList<RoundRow> Apply(Plan plan, IReadOnlyDictionary<int, ProgressUpdate> latest, IReadOnlyDictionary<int, ProgressUpdate>? lastQuarter = null) =>
        plan.Actions
            .Select(a => new RoundRow(a, latest.GetValueOrDefault(a.Number), lastQuarter?.GetValueOrDefault(a.Number)))
            .Where(r => LeadId is null || r.Action.LeadIds.Contains(LeadId))
            .Where(r => Answered is null || r.Answered == Answered)
            .Where(r => Status is null || r.Latest?.Status == Status)
            .Where(r => Rag is null || r.Latest?.Rag == Rag)
            .ToList();

    /// <summary>Reads the page's query values; an unknown value is reported, not ignored.</summary>
    public static (RoundFilter Filter, IReadOnlyList<Responses.FieldError> Errors) Parse(Plan plan, string? status, string? rag, string? answered, string? lead)
    {
        var errors = new List<Responses.FieldError>();
        ProgressStatus? s = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (ProgressStatusNames.TryParse(status, out var parsed)) s = parsed;
            else errors.Add(new("status", $"'{status}' is not a status"));
        }
        Rag? r = null;
        if (!string.IsNullOrWhiteSpace(rag))
        {
            if (Enum.TryParse<Rag>(rag, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) r = parsed;
            else errors.Add(new("rag", $"'{rag}' is not red, amber or green"));
        }
        bool? a = answered switch
        {
            null or "" => null,
            "yes" => true,
            "no" => false,
            _ => null,
        };
        if (answered is { Length: > 0 } && a is null) errors.Add(new("answered", "Choose answered or not answered"));
        string? l = null;
        if (!string.IsNullOrWhiteSpace(lead))
        {
            if (plan.FindLead(lead) is not null) l = lead;
            else errors.Add(new("lead", $"'{lead}' is not a lead of the plan"));
        }
        return (new RoundFilter(s, r, a, l), errors);
    }
}
