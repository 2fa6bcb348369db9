using System.Text;

namespace CspFunctions.Import;

/// <summary>Column headers as real plans write them, matched ignoring case, punctuation, spacing and plurals ("Lead(s)",
/// "LEADS", "lead"). A header matches a name when its words start with that name's words ("Progress update Q4 2018/19" is
/// progress); the longest matching name wins ("Lead email" is the lead email, not the leads; "RAG status" is the RAG).</summary>
public static class PlanColumns
{
    public static readonly IReadOnlyDictionary<PlanColumn, string[]> Names = new Dictionary<PlanColumn, string[]>
    {
        [PlanColumn.Number] = ["No", "Number", "Ref", "Reference", "Action no", "Action number", "Action ref", "Ref no", "Item no", "#", "Key action no", "Action reference"],
        [PlanColumn.Action] = ["Key action", "Key actions and major projects", "Action", "Objective", "Project", "Activity", "Task", "Action description", "Description", "What we will do", "Key activity", "Deliverable"],
        [PlanColumn.Priority] = ["Priority", "Theme", "Strategic priority", "Outcome", "Priority area", "Strategic theme", "Strategic objective", "Priority theme"],
        [PlanColumn.Leads] = ["Lead", "Partnership lead", "Owner", "Responsible", "Lead agency", "Lead officer", "Lead partner", "Action owner", "Responsible officer", "Responsible agency", "Lead organisation", "Who"],
        [PlanColumn.LeadEmail] = ["Lead email", "Email", "E-mail", "Contact", "Lead contact", "Contact email", "Email address", "Lead e-mail", "Owner email", "Contacts"],
        [PlanColumn.Documents] = ["Linked document", "Document", "Link", "Evidence", "Supporting document", "Related document", "Linked evidence"],
        [PlanColumn.Progress] = ["Progress", "Update", "Progress update", "Comment", "Commentary", "Progress to date", "Latest update", "Progress comment", "Quarterly update", "Progress and comment"],
        [PlanColumn.Status] = ["Status", "Progress status", "Current status", "Delivery status", "Action status"],
        [PlanColumn.Rag] = ["RAG", "RAG status", "RAG rating", "Rating", "RAG colour", "BRAG"],
        [PlanColumn.Restricted] = ["Restricted", "Confidential"],
        [PlanColumn.Round] = ["Round"],
    };

    /// <summary>Plain words for the page and for problems: what a meaning is called and the names it goes by.</summary>
    public static string Describe(PlanColumn column) => column switch
    {
        PlanColumn.Number => "action number",
        PlanColumn.Action => "action",
        PlanColumn.Priority => "priority",
        PlanColumn.Leads => "leads",
        PlanColumn.LeadEmail => "lead email",
        PlanColumn.Documents => "linked documents",
        PlanColumn.Progress => "progress",
        PlanColumn.Status => "status",
        PlanColumn.Rag => "RAG",
        PlanColumn.Restricted => "restricted",
        PlanColumn.Round => "round",
        _ => column.ToString(),
    };

    private static readonly (PlanColumn Column, string[] Words)[] Keys =
        [.. Names.SelectMany(kv => kv.Value.Select(name => (kv.Key, Words(name)))).OrderByDescending(k => k.Item2.Length)];

    /// <summary>What a header means, or null when it is none of the plan's columns.</summary>
    public static PlanColumn? Match(string header)
    {
        var words = Words(header);
        if (words.Length == 0) return header.Trim() == "#" ? PlanColumn.Number : null;
        // A long header is a sentence (a title or a note), not a column name.
        if (header.Length > 60) return null;
        foreach (var (column, key) in Keys)
        {
            if (key.Length == 0 || words.Length < key.Length || !words.AsSpan(0, key.Length).SequenceEqual(key)) continue;
            // One-word names take only qualifiers after them ("Progress Q4 2018-19", "Lead name"), so "Outcome measures" or
            // "Number of incidents" stay columns of their own; longer names take anything ("Lead agency / partner").
            if (key.Length == 1 && words.Skip(1).Any(w => !Qualifiers.Contains(w) && !w.All(char.IsDigit))) continue;
            return column;
        }
        return null;
    }

    private static readonly HashSet<string> Qualifiers =
        ["q1", "q2", "q3", "q4", "quarter", "qtr", "to", "date", "and", "name", "title", "current", "latest", "year", "yr", "note", "detail", "or", "the", "if", "any", "ye", "end"];

    /// <summary>Lower-case words, "(s)" and trailing plural s dropped, "&amp;" as "and": "Key Action(s)" is [key, action].</summary>
    public static string[] Words(string text)
    {
        var t = CellText.OneLine(text).ToLowerInvariant().Replace("(s)", "").Replace("&", " and ").Replace("e-mail", "email");
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in t)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(c); continue; }
            Flush();
        }
        Flush();
        return [.. words];

        void Flush()
        {
            if (sb.Length == 0) return;
            var w = sb.ToString();
            if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)) w = w[..^1];
            words.Add(w);
            sb.Clear();
        }
    }
}
