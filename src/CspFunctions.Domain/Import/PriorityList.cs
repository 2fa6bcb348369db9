namespace CspFunctions.Import;

/// <summary>The priorities a workbook lists on a sheet of their own (a "Priorities" or "Lists" sheet, or any sheet with a
/// priority column and no actions), which the plan's priorities are checked against.</summary>
public sealed record PriorityList(string Where, IReadOnlyList<string> Titles)
{
    public bool Contains(string title) => Titles.Any(t => Key(t) == Key(title));

    public string Describe() => string.Join("; ", Titles.Take(6)) + (Titles.Count > 6 ? $"; and {Titles.Count - 6} more" : "");

    private static string Key(string title) => CellText.OneLine(title).ToLowerInvariant();

    public static PriorityList? Find(IReadOnlyList<SourceTable> tables, SourceTable planTable)
    {
        foreach (var table in tables)
        {
            if (ReferenceEquals(table, planTable)) continue;
            var named = PlanColumns.Words(WorkbookTables.NameOf(table)).Any(w => w is "priority" or "priorities" or "theme" or "list" or "lookup");
            for (var r = 0; r < Math.Min(PlanTableReader.HeaderSearchRows, table.Rows.Count); r++)
            {
                var row = table.Rows[r];
                var meanings = row.Cells.Select(c => c.IsEmpty ? null : PlanColumns.Match(c.Line)).ToList();
                if (meanings.Contains(PlanColumn.Action)) break; // another plan-like table, not a list
                var column = meanings.IndexOf(PlanColumn.Priority);
                if (column < 0) continue;
                var titles = table.Rows.Skip(r + 1).Select(x => x[column].Line).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (titles.Count > 0) return new PriorityList(table.Where, titles);
            }
            if (!named) continue;
            var first = table.Rows.Select(x => x.Cells.FirstOrDefault(c => !c.IsEmpty)?.Line).Where(t => t is { Length: > 0 }).Select(t => t!).ToList();
            if (first.Count > 0) return new PriorityList(table.Where, first);
        }
        return null;
    }
}
