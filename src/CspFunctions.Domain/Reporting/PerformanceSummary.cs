using CspFunctions.Progress;

namespace CspFunctions.Reporting;

/// <summary>"Performance on a page": counts by status and RAG, received against outstanding, direction of travel.</summary>
public sealed record PerformanceSummary(
    string Title,
    int Actions,
    int Received,
    IReadOnlyList<Count> ByStatus,
    IReadOnlyList<Count> ByRag,
    IReadOnlyList<Count> ByDirection)
{
    public int Outstanding => Actions - Received;
    public int RagCount(Rag rag) => ByRag.First(c => c.Key == rag.ToString()).Value;

    public static PerformanceSummary Of(string title, IReadOnlyCollection<ReportRow> rows)
    {
        var updates = rows.Where(r => r.Progress is not null).Select(r => r.Progress!).ToList();
        return new PerformanceSummary(title, rows.Count, updates.Count,
            ProgressStatusNames.Choosable.Select(s => new Count(s.Display(), updates.Count(u => u.Status == s), s.ToString())).ToList(),
            Enum.GetValues<Rag>().Where(r => r != Rag.NotGiven).Select(r => new Count(r.ToString(), updates.Count(u => u.Rag == r), r.ToString())).ToList(),
            Enum.GetValues<Direction>().Select(d => new Count(d.Display(), updates.Count(u => u.Direction == d), d.ToString())).ToList());
    }
}
