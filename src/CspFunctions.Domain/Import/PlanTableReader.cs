using System.Text.RegularExpressions;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Import;

/// <summary>The one reading path for plan tables from Excel, CSV and Word (docs/import.md): finds the header row in the first
/// 20 rows of the first table that has one, maps columns by name, takes priorities from a column or from rows spanning the
/// table, and reads one action per row, with its progress as an update for <c>roundId</c>. Every problem is collected with
/// its row; the result is validated all or nothing.</summary>
public static partial class PlanTableReader
{
    public const int HeaderSearchRows = 20;

    // Runs once per import over every row: compiled optimised at its first call rather than first as unoptimised code (see
    // docs/benchmarks.md, plan-import), since an upload is usually the first and only call.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static PlanReading Read(IReadOnlyList<SourceTable> tables, CsvPlanHeader header, string? roundId, bool findPriorityList = false)
    {
        var (table, headerIndex, columns) = FindHeader(tables);
        var priorityList = findPriorityList ? PriorityList.Find(tables, table) : null;
        var headerRow = table.Rows[headerIndex];
        var where = tables.Count > 1 ? table.Where : null;
        var problems = new List<ImportProblem>();
        var warnings = new List<string>();
        void Problem(int row, string field, string message) => problems.Add(new ImportProblem(row, field, message, where));

        var byMeaning = new Dictionary<PlanColumn, int>();
        foreach (var c in columns)
        {
            if (c.Meaning is not { } meaning) continue;
            if (!byMeaning.TryAdd(meaning, c.Index))
                warnings.Add($"Column {c.Label} \"{c.Header}\" is a second {PlanColumns.Describe(meaning)} column: ignored (column {columns[byMeaning[meaning]].Label} is used).");
        }
        var extra = columns.Where(c => c.Meaning is null && c.Header.Length > 0).ToList();
        foreach (var c in extra) warnings.Add($"Column {c.Label} \"{c.Header}\" is not a plan column: ignored.");
        var missing = new[] { PlanColumn.Number, PlanColumn.Action }.Where(m => !byMeaning.ContainsKey(m)).ToList();
        if (missing.Count > 0)
        {
            Problem(headerRow.Number, "columns", $"missing column(s): {string.Join(", ", missing.Select(m => $"{PlanColumns.Describe(m)} (e.g. {string.Join(", ", PlanColumns.Names[m].Take(4))})"))}. " +
                $"Columns found: {string.Join(", ", columns.Where(c => c.Header.Length > 0).Select(c => $"{c.Label} \"{c.Header}\"" + (c.Meaning is { } m ? $" ({PlanColumns.Describe(m)})" : "")))}");
            throw new PlanImportException(problems);
        }
        int? Col(PlanColumn m) => byMeaning.TryGetValue(m, out var i) ? i : null;
        var firstColumn = columns.Where(c => c.Header.Length > 0).Min(c => c.Index);
        var headerMeanings = columns.Where(c => c.Meaning is not null).Select(c => (c.Index, c.Meaning)).ToHashSet();

        var doc = PlanSkeleton.From(header);
        var leads = new LeadIndex(doc);
        string? spanningPriority = null;
        int? spanningRow = null;
        var priorityRows = new Dictionary<string, int>();
        var actionsUnder = new Dictionary<string, int>();
        var sawPriorityRow = false;
        var anyActions = false;
        var progressWithoutRound = 0;
        var spanningIds = new HashSet<string>();

        for (var r = headerIndex + 1; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var filled = new List<int>(row.Cells.Count);
            for (var i = 0; i < row.Cells.Count; i++)
                if (!row.Cells[i].IsEmpty) filled.Add(i);
            if (filled.Count == 0) continue;
            var numberCell = row[Col(PlanColumn.Number)!.Value];
            var (reference, restricted, numberProblem) = ReadNumber(numberCell);
            // Word repeats a header row on every page; pasted tables repeat it too. (A row with an action number is not one.)
            if (reference is null && filled.Count >= 2 && filled.All(i => PlanColumns.Match(row[i].Line) is { } m && headerMeanings.Contains((i, m)))) continue;
            var lone = filled.Count == 1 ? row[filled[0]] : null;
            // A row with one cell of text (not an action number) that spans the table or sits in its first column is a priority.
            var isPriorityRow = lone is not null && reference is null && (row.Spanning || filled[0] <= firstColumn);
            if (isPriorityRow)
            {
                var title = lone!.Line;
                spanningPriority = PlanSkeleton.AddPriority(doc, title);
                spanningIds.Add(spanningPriority);
                priorityRows.TryAdd(spanningPriority, row.Number);
                spanningRow = row.Number;
                sawPriorityRow = true;
                continue;
            }

            var actionText = Col(PlanColumn.Action) is { } ac ? ActionText(row[ac]) : "";
            if (reference is null && numberProblem is null && actionText.Length == 0)
            {
                warnings.Add($"{Row(table, row)} has no action number or action text: ignored.");
                continue;
            }

            string? priorityId = spanningPriority;
            if (Col(PlanColumn.Priority) is { } pc && row[pc].Line is { Length: > 0 } priorityTitle)
            {
                priorityId = PlanSkeleton.AddPriority(doc, priorityTitle);
                priorityRows.TryAdd(priorityId, row.Number);
                if (priorityList is not null && !priorityList.Contains(priorityTitle))
                    Problem(row.Number, "priority", $"priority '{priorityTitle}' is not in the list of priorities on {priorityList.Where} ({priorityList.Describe()})");
            }
            if (priorityId is not null) actionsUnder[priorityId] = actionsUnder.GetValueOrDefault(priorityId) + 1;
            anyActions = true;

            var leadNames = Col(PlanColumn.Leads) is { } lc ? LeadNames(row[lc]) : [];
            var leadIds = new List<string>(leadNames.Count);
            foreach (var name in leadNames)
                if (leads.Add(name) is var id && !leadIds.Contains(id)) leadIds.Add(id);
            if (Col(PlanColumn.LeadEmail) is { } ec) ReadContacts(row[ec], leadIds, leads, row.Number, Problem);
            if (Col(PlanColumn.Restricted) is { } rc)
            {
                var flag = row[rc].Line.ToLowerInvariant();
                if (flag is "yes" or "true" or "y" or "1" or "restricted") restricted = true;
                else if (flag is not ("" or "no" or "false" or "n" or "0")) Problem(row.Number, "restricted", $"'{row[rc].Line}' should be yes or no");
            }

            doc.Actions!.Add(new ActionDocument
            {
                // The validator reports a missing or unreadable reference ("" or the text as written).
                Reference = reference ?? numberCell.Line,
                PriorityId = priorityId,
                Text = actionText,
                LeadIds = leadIds,
                Documents = Col(PlanColumn.Documents) is { } dc ? Documents(row[dc]) : [],
                Restricted = restricted,
                SourceRow = row.Number,
            });

            if (Col(PlanColumn.Progress) is not { } progressColumn) continue;
            var progressCell = row[progressColumn];
            ProgressStatus? status = null;
            Rag? rag = null;
            if (Col(PlanColumn.Status) is { } sc)
            {
                var cell = row[sc];
                var word = cell.Line;
                if (word.Length > 0)
                {
                    if (ProgressWords.TryStatus(word, out var s)) status = s;
                    else if (ProgressWords.TryRag(word, out var sr) && Col(PlanColumn.Rag) is null) rag = sr;
                    else Problem(row.Number, "status", $"unknown status '{word}' (use {ProgressWords.StatusWords})");
                }
                else if (Col(PlanColumn.Rag) is null && ProgressWords.FromFill(cell.Fill) is { } fillRag) rag = fillRag;
            }
            if (Col(PlanColumn.Rag) is { } rgc)
            {
                var cell = row[rgc];
                var word = cell.Line;
                if (word.Length > 0)
                {
                    if (ProgressWords.TryRag(word, out var r2)) rag = r2;
                    else Problem(row.Number, "rag", $"unknown RAG rating '{word}' (use Red, Amber or Green)");
                }
                else if (ProgressWords.FromFill(cell.Fill) is { } fillRag) rag = fillRag;
            }
            var paragraphs = progressCell.Paragraphs;
            var firstText = FirstWithText(paragraphs, 0);
            if (firstText >= 0)
            {
                var first = paragraphs[firstText].Text.AsSpan().Trim();
                var cut = first.IndexOf('\n');
                if (ProgressWords.LeadingLine(cut < 0 ? first.ToString() : first[..cut].ToString()) is { } leading)
                {
                    status ??= leading.Status;
                    rag ??= leading.Rag;
                    var rest = cut < 0 ? "" : first[(cut + 1)..].ToString();
                    var remaining = FirstWithText(paragraphs, firstText + 1) >= 0 || rest.Trim().Length > 0;
                    // A progress cell that is only a status ("Complete") keeps it as its text too.
                    if (remaining) paragraphs = [.. paragraphs.Take(firstText), paragraphs[firstText] with { Text = rest }, .. paragraphs.Skip(firstText + 1)];
                }
            }
            var progressText = CellText.Block(paragraphs, progressCell.LinesAreItems);
            if (progressText.Length == 0)
            {
                if (status is not null || rag is not null) warnings.Add($"{Row(table, row)} gives a status or RAG but no progress text: no update is recorded for it.");
                continue;
            }
            var round = Col(PlanColumn.Round) is { } roc && row[roc].Line is { Length: > 0 } rowRound ? rowRound : roundId;
            if (round is null)
            {
                progressWithoutRound++;
                continue;
            }
            doc.Updates!.Add(new UpdateDocument
            {
                RoundId = round,
                ActionReference = reference,
                Status = (status ?? ProgressStatus.NotGiven).ToString(),
                Rag = (rag ?? Rag.NotGiven).ToString(),
                Text = progressText,
                GivenBy = leadIds.Count == 0 ? null : leadIds.Count == 1 ? leads.ById(leadIds[0]).Name : string.Join(", ", leadIds.Select(id => leads.ById(id).Name)),
                SourceRow = row.Number,
            });
        }

        if (progressWithoutRound > 0) warnings.Add($"{progressWithoutRound} progress text(s) not imported: no round (quarter) was given for them.");
        // A spanning row that no action follows is a note or a closing line, not a priority.
        foreach (var p in doc.Priorities!.ToList())
        {
            if (actionsUnder.ContainsKey(p.Id!)) continue;
            doc.Priorities!.Remove(p);
            warnings.Add($"\"{p.Title}\" ({table.RowWord} {priorityRows.GetValueOrDefault(p.Id!)}) spans the table but no actions follow it: ignored.");
        }
        foreach (var p in doc.Priorities!.Where(p => spanningIds.Contains(p.Id!)))
            if (priorityList is not null && !priorityList.Contains(p.Title!))
                Problem(priorityRows[p.Id!], "priority", $"priority '{p.Title}' is not in the list of priorities on {priorityList.Where} ({priorityList.Describe()})");
        if (anyActions && Col(PlanColumn.Priority) is null && !sawPriorityRow)
        {
            var id = PlanSkeleton.AddPriority(doc, "Actions");
            foreach (var a in doc.Actions!) a.PriorityId = id;
            warnings.Add("The table has no priority column and no priority rows: every action is under one priority, \"Actions\".");
        }
        if (!anyActions) Problem(headerRow.Number, "actions", $"the table has a header row but no action rows below it");

        var validated = Finish(doc, problems, where);
        return new PlanReading(doc, table.Where, headerRow.Number, columns, warnings, priorityList?.Where) { Validated = validated };
    }

    /// <summary>Validates now, so problems carry the sheet or table, and throws every problem in row order.</summary>
    private static ValidatedPlan Finish(PlanDocument doc, List<ImportProblem> problems, string? where)
    {
        ValidatedPlan? validated = null;
        try { validated = PlanValidator.Validate(doc); }
        catch (PlanImportException ex)
        {
            problems.AddRange(ex.Problems.Select(p =>
                p.Row is not null && p.Where is null && (p.Field.StartsWith("actions", StringComparison.Ordinal) || p.Field.StartsWith("updates", StringComparison.Ordinal)) ? p with { Where = where } : p));
        }
        if (problems.Count > 0 || validated is null) throw new PlanImportException(problems.Distinct().OrderBy(p => p.Row ?? 0).ToList());
        return validated;
    }

    private static string Row(SourceTable table, SourceRow row) => char.ToUpperInvariant(table.RowWord[0]) + table.RowWord[1..] + " " + row.Number;

    private static (SourceTable Table, int HeaderIndex, List<ColumnMatch> Columns) FindHeader(IReadOnlyList<SourceTable> tables)
    {
        (SourceTable Table, int Index, List<ColumnMatch> Columns, int Score)? best = null;
        foreach (var table in tables)
        {
            for (var r = 0; r < Math.Min(HeaderSearchRows, table.Rows.Count); r++)
            {
                var row = table.Rows[r];
                var columns = new List<ColumnMatch>();
                for (var c = 0; c < row.Cells.Count; c++)
                {
                    var text = row[c].Line;
                    columns.Add(new ColumnMatch(c, Label(table, c), text, text.Length == 0 ? null : PlanColumns.Match(text)));
                }
                var meanings = columns.Where(c => c.Meaning is not null).Select(c => c.Meaning!.Value).Distinct().ToList();
                if (meanings.Contains(PlanColumn.Action) && meanings.Contains(PlanColumn.Number)) return (table, r, columns);
                // Otherwise the row most like a header, to say which columns it lacks.
                var score = meanings.Count * 2 + (meanings.Contains(PlanColumn.Action) ? 1 : 0);
                if (meanings.Count >= 1 && columns.Count(c => c.Header.Length > 0) >= 2 && (best is null || score > best.Value.Score)) best = (table, r, columns, score);
            }
        }
        if (best is { } near) return (near.Table, near.Index, near.Columns);
        var where = tables.Count switch { 0 => "the file", 1 => tables[0].Where, _ => $"any of its {tables.Count} {(tables[0].RowWord == "row" ? "sheets" : "tables")}" };
        throw new PlanImportException([new ImportProblem(null, "table",
            $"no plan table was found: no row among the first {HeaderSearchRows} of {where} names the plan's columns " +
            "(an action number such as No or Ref, the action such as Key action or Action, and leads, progress or priority)")]);
    }

    private static string Label(SourceTable table, int column) => table.RowWord == "row" ? WorkbookTables.ColumnLetter(column) : $"{column + 1}";

    private static (string? Reference, bool Restricted, string? Problem) ReadNumber(SourceCell cell)
    {
        if (cell.Paragraphs.Count == 1 && cell.Paragraphs[0] is { ListMark: null } only && !only.Text.Contains('\n'))
        {
            var line = CellText.OneLine(only.Text);
            return line.Length == 0 ? (null, false, null) : (ActionReference.Parse(line, out var why), false, why);
        }
        var lines = cell.Paragraphs.SelectMany(p => (p.ListMark is { } m ? m + " " + p.Text : p.Text).Split('\n')).Select(CellText.OneLine).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return (null, false, null);
        var restricted = lines.Skip(1).Any(l => l.Equals(WordReport.RestrictedMark, StringComparison.OrdinalIgnoreCase));
        var text = restricted ? lines[0] : string.Join(" ", lines);
        var reference = ActionReference.Parse(text, out var problem);
        return (reference, restricted, problem);
    }

    private static string ActionText(SourceCell cell)
    {
        // Our own Word export notes a carried-forward action's origin in its text; the plan keeps that separately.
        var paragraphs = cell.Paragraphs.Any(IsCarriedNote) ? cell.Paragraphs.Where(p => !IsCarriedNote(p)).ToList() : cell.Paragraphs;
        return CellText.Block(paragraphs, cell.LinesAreItems);
    }

    private static bool IsCarriedNote(CellParagraph p) => p.Text.StartsWith("Carried forward from ", StringComparison.Ordinal);

    /// <summary>The first paragraph from <paramref name="start"/> with any text, or -1.</summary>
    private static int FirstWithText(IReadOnlyList<CellParagraph> paragraphs, int start)
    {
        for (var i = start; i < paragraphs.Count; i++)
            foreach (var c in paragraphs[i].Text)
                if (!char.IsWhiteSpace(c) && c != '\u200B') return i;
        return -1;
    }

    /// <summary>The plan's leads as the rows name them, found by name (ignoring case) and by id without a scan of every lead,
    /// and each address's validity checked once however many rows give it.</summary>
    private sealed class LeadIndex(PlanDocument doc)
    {
        private readonly Dictionary<string, LeadDocument> _byName = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, LeadDocument> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _validEmails = new(StringComparer.Ordinal);

        public PlanDocument Document => doc;

        public string Add(string name)
        {
            if (_byName.TryGetValue(name, out var known)) return known.Id!;
            var id = PlanSkeleton.AddLead(doc, name);
            var lead = doc.Leads!.First(l => l.Id == id);
            _byName[name] = lead;
            _byId[id] = lead;
            return id;
        }

        public LeadDocument ById(string id) => _byId[id];

        public bool IsValidEmail(string email)
        {
            if (!_validEmails.TryGetValue(email, out var valid)) _validEmails[email] = valid = PlanValidator.IsValidEmail(email);
            return valid;
        }
    }

    /// <summary>Leads separated by ";" (and, in Word, by paragraphs); a comma never separates leads and a line break inside a
    /// paragraph or an Excel cell is a space.</summary>
    public static List<string> LeadNames(SourceCell cell)
    {
        var pieces = cell.LinesAreItems ? [string.Join(" ", cell.Paragraphs.Select(p => p.Text))] : cell.Paragraphs.Select(p => p.Text);
        var names = new List<string>();
        foreach (var piece in pieces)
        {
            foreach (var part in piece.Split(';'))
            {
                var name = CellText.OneLine(part);
                name = CellText.TypedBullet(name) ?? name;
                name = name.TrimEnd(',', ';').Trim();
                if (name.Length > 0 && !names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
            }
        }
        return names;
    }

    private static void ReadContacts(SourceCell cell, List<string> leadIds, LeadIndex leads, int row, Action<int, string, string> problem)
    {
        var doc = leads.Document;
        var text = string.Join(";", cell.Paragraphs.Select(p => p.Text.Replace('\n', ';')));
        if (text.Trim().Length == 0) return;
        // The CSV importer's own syntax: "Lead name = Name <email> | Name <email>; Other lead = ...".
        if (text.Contains('='))
        {
            foreach (var group in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = group.IndexOf('=');
                var lead = eq <= 0 ? null : doc.Leads!.FirstOrDefault(l => string.Equals(l.Name, CellText.OneLine(group[..eq]), StringComparison.OrdinalIgnoreCase));
                if (lead is null) { problem(row, "contacts", $"'{group}' must read 'Lead name = Name <email> | Name <email>' for a lead named in this row's leads"); continue; }
                foreach (var c in group[(eq + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var contact = PlanReader.ParseNameAndAddress(c);
                    if (PlanValidator.IsValidEmail(contact.Email)) AddContact(lead, contact);
                    else problem(row, "contacts", $"'{contact.Email}' is not a valid email address");
                }
            }
            return;
        }
        var contacts = text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PlanReader.ParseNameAndAddress).ToList();
        var valid = new List<ContactDocument>();
        var isValid = new bool[contacts.Count];
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            if (isValid[i] = leads.IsValidEmail(c.Email!)) valid.Add(c);
            else problem(row, "lead email", $"'{c.Email}' is not a valid email address");
        }
        if (valid.Count == 0) return;
        if (leadIds.Count == 0) { problem(row, "lead email", "the row has lead email addresses but no lead to give them to"); return; }
        if (leadIds.Count == 1) { foreach (var c in valid) AddContact(leads.ById(leadIds[0]), c); return; }
        if (contacts.Count != leadIds.Count)
        {
            problem(row, "lead email", $"{contacts.Count} email address(es) for {leadIds.Count} leads: give one per lead, separated by ';', in the leads' order");
            return;
        }
        for (var i = 0; i < contacts.Count; i++)
            if (isValid[i]) AddContact(leads.ById(leadIds[i]), contacts[i]);

        void AddContact(LeadDocument lead, ContactDocument contact)
        {
            if (contact.Name == contact.Email) contact.Name = lead.Name;
            if (!lead.Contacts!.Any(x => string.Equals(x.Email, contact.Email, StringComparison.OrdinalIgnoreCase))) lead.Contacts!.Add(contact);
        }
    }

    /// <summary>One linked document per paragraph (Word) or line (Excel); a Word hyperlink or an address in the text gives its URL.</summary>
    public static List<DocumentLink> Documents(SourceCell cell)
    {
        var items = new List<(string Text, string? Url)>();
        foreach (var p in cell.Paragraphs)
        {
            if (cell.LinesAreItems)
                foreach (var line in p.Text.Split('\n')) items.Add((line, p.Links.FirstOrDefault()));
            else items.Add((p.Text, p.Links.FirstOrDefault()));
        }
        var result = new List<DocumentLink>();
        foreach (var (raw, link) in items)
        {
            var text = CellText.OneLine(raw);
            text = CellText.TypedBullet(text) ?? text;
            if (text.Length == 0) continue;
            var angle = AngleUrl().Match(text);
            if (angle.Success) { result.Add(new DocumentLink { Title = angle.Groups["title"].Value.Trim(), Url = angle.Groups["url"].Value.Trim() }); continue; }
            var bare = BareUrl().Match(text);
            if (link is null && bare.Success)
            {
                var title = CellText.OneLine(text.Remove(bare.Index, bare.Length)).Trim('-', '–', ':', ' ', '(', ')');
                result.Add(new DocumentLink { Title = title.Length > 0 ? title : FileName(bare.Value), Url = bare.Value });
                continue;
            }
            result.Add(new DocumentLink { Title = text, Url = link is not null && (link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? link : null });
        }
        return result;
    }

    /// <summary>The last part of an address's path ("panel-tor.docx"), or the address when it has none.</summary>
    private static string FileName(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.LastOrDefault()?.Trim('/') is { Length: > 0 } last ? Uri.UnescapeDataString(last) : url;

    [GeneratedRegex(@"^(?<title>[^<]*)<(?<url>https?://[^>]+)>$", RegexOptions.IgnoreCase)]
    private static partial Regex AngleUrl();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();
}
