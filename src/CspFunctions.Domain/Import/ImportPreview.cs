using System.Text.Json;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Import;

/// <summary>What the upload page shows before anything is stored: how the file's columns were understood, what was ignored,
/// counts, the first actions exactly as they will be stored, and every warning. <see cref="DocumentJson"/> is the validated
/// document itself, which the confirm step imports unchanged.</summary>
public sealed record ImportPreview(
    string PlanId,
    bool Exists,
    int BaseRevision,
    string FileName,
    string Where,
    int HeaderRow,
    IReadOnlyList<PreviewColumn> Columns,
    IReadOnlyList<string> Ignored,
    int Priorities,
    int Actions,
    int Leads,
    int Contacts,
    int Updates,
    string? Round,
    IReadOnlyList<PreviewAction> FirstActions,
    IReadOnlyList<string> Warnings,
    string DocumentJson)
{
    public const int ShownActions = 5;

    public bool HasColumns => Columns.Count > 0;
    public bool HasWarnings => Warnings.Count > 0;
    public bool HasIgnored => Ignored.Count > 0;
    public int MoreActions => Math.Max(0, Actions - FirstActions.Count);

    public static ImportPreview Of(string fileName, PlanReading reading, StoredPlan? existing)
    {
        // A new plan was validated by the reader already; a stored plan's numbers are kept, so validate against it.
        var (plan, updates) = existing is null && reading.Validated is { } validated ? validated : PlanValidator.Validate(reading.Document, existing?.Plan);
        var latest = updates.ToDictionary(u => u.ActionNumber);
        var first = plan.Actions.Take(ShownActions).Select(a =>
        {
            latest.TryGetValue(a.Number, out var u);
            return new PreviewAction(a.Ref, plan.Priorities.First(p => p.Id == a.PriorityId).Title, TextBlocks.Parse(a.Text).ToList(),
                a.LeadIds.Select(id => plan.FindLead(id)!.Name).ToList(), a.Documents.Select(d => d.Url is null ? d.Title : $"{d.Title} ({d.Url})").ToList(),
                a.Restricted, u is null ? null : $"{u.Status.Display()} · {u.Rag.Display()}", u is null ? null : TextBlocks.Parse(u.Text).ToList());
        }).ToList();
        return new ImportPreview(plan.Id, existing is not null, existing?.Revision ?? 0, fileName, reading.Where, reading.HeaderRow,
            reading.Columns.Where(c => c.Header.Length > 0).Select(c => new PreviewColumn(c.Label, c.Header, c.Meaning is { } m ? PlanColumns.Describe(m) : null)).ToList(),
            reading.Columns.Where(c => c.Meaning is null && c.Header.Length > 0).Select(c => $"{c.Label} \"{c.Header}\"").ToList(),
            plan.Priorities.Count, plan.Actions.Count, plan.Leads.Count, plan.Leads.Sum(l => l.Contacts.Count), updates.Count,
            updates.Select(u => u.RoundId).Distinct().FirstOrDefault(), first, reading.Warnings,
            JsonSerializer.Serialize(reading.Document, PlanDocument.JsonOptions));
    }
}
