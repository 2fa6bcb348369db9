using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace CspFunctions.Import;

/// <summary>Reads plan files into a <see cref="PlanDocument"/>; the columns are documented in docs/import.md.</summary>
public static partial class PlanReader
{
    public static readonly string[] CsvColumns =
        ["priority", "number", "action", "leads", "contacts", "documents", "restricted", "round", "status", "rag", "progress"];

    public static PlanDocument ReadJson(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<PlanDocument>(json, PlanDocument.JsonOptions)
                ?? throw new PlanImportException([new ImportProblem(null, "json", "the file is empty (null)")]);
        }
        catch (JsonException ex)
        {
            var row = ex.LineNumber is { } line ? (int)line + 1 : (int?)null;
            throw new PlanImportException([new ImportProblem(row, ex.Path is { Length: > 0 } p ? p : "json", "not valid plan JSON: " + FirstSentence(ex.Message))]);
        }
        catch (DecoderFallbackException)
        {
            throw new PlanImportException([new ImportProblem(null, "encoding", "the file is not UTF-8 text")]);
        }
    }

    public static PlanDocument ReadCsv(TextReader reader, CsvPlanHeader header)
    {
        var doc = PlanSkeleton.From(header);
        var problems = new List<ImportProblem>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = ctx => problems.Add(new ImportProblem(ctx.Context.Parser?.Row, "csv", "badly quoted field: " + Truncate(ctx.RawRecord))),
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader()) throw new PlanImportException([new ImportProblem(1, "csv", "the file is empty; the first row must name the columns")]);
            var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var missing = new[] { "priority", "number", "action" }.Where(c => !headers.Contains(c)).ToList();
            if (missing.Count > 0) throw new PlanImportException([new ImportProblem(1, "csv", $"missing column(s): {string.Join(", ", missing)}. Columns: {string.Join(", ", CsvColumns)}")]);
            var unknown = headers.Where(h => h.Length > 0 && !CsvColumns.Contains(h)).ToList();
            if (unknown.Count > 0) problems.Add(new ImportProblem(1, "csv", $"unknown column(s): {string.Join(", ", unknown)}. Columns: {string.Join(", ", CsvColumns)}"));

            while (csv.Read())
            {
                var row = csv.Parser.Row;
                string Field(string name) => headers.Contains(name) ? (csv.GetField(name) ?? "") : "";
                if (csv.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace)) continue;

                var priorityTitle = Field("priority").Trim();
                var priorityId = priorityTitle.Length > 0 ? PlanSkeleton.AddPriority(doc, priorityTitle) : null;

                int? number = null;
                var numberText = Field("number").Trim().TrimEnd('.');
                if (numberText.Length > 0)
                {
                    if (int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) number = n;
                    else problems.Add(new ImportProblem(row, "number", $"'{numberText}' is not a whole number"));
                }

                var leadIds = SplitList(Field("leads"), ';').Select(name => PlanSkeleton.AddLead(doc, name)).ToList();
                foreach (var group in SplitList(Field("contacts"), ';'))
                {
                    var eq = group.IndexOf('=');
                    var lead = eq <= 0 ? null : doc.Leads!.FirstOrDefault(l => string.Equals(l.Name, group[..eq].Trim(), StringComparison.OrdinalIgnoreCase));
                    if (lead is null)
                    {
                        problems.Add(new ImportProblem(row, "contacts", $"'{Truncate(group)}' must read 'Lead name = Name <email> | Name <email>' for a lead named in this row's leads"));
                        continue;
                    }
                    foreach (var contact in SplitList(group[(eq + 1)..], '|'))
                    {
                        var parsed = ParseNameAndAddress(contact);
                        if (lead.Contacts!.Any(c => string.Equals(c.Email, parsed.Email, StringComparison.OrdinalIgnoreCase))) continue;
                        lead.Contacts!.Add(parsed);
                    }
                }

                var documents = SplitList(Field("documents"), ';').Select(ParseDocument).ToList();
                var restrictedText = Field("restricted").Trim().ToLowerInvariant();
                bool? restricted = restrictedText switch
                {
                    "" or "no" or "false" or "n" or "0" => false,
                    "yes" or "true" or "y" or "1" => true,
                    _ => null,
                };
                if (restricted is null) problems.Add(new ImportProblem(row, "restricted", $"'{restrictedText}' should be yes or no"));

                doc.Actions!.Add(new ActionDocument
                {
                    Number = number ?? (numberText.Length == 0 ? null : -1),
                    PriorityId = priorityId,
                    Text = Field("action"),
                    LeadIds = leadIds,
                    Documents = documents,
                    Restricted = restricted ?? false,
                    SourceRow = row,
                });

                var progress = Field("progress");
                if (!string.IsNullOrWhiteSpace(progress) || !string.IsNullOrWhiteSpace(Field("status")))
                {
                    doc.Updates!.Add(new UpdateDocument
                    {
                        RoundId = Field("round").Trim(),
                        ActionNumber = number,
                        Status = Field("status"),
                        Rag = Field("rag").Trim(),
                        Text = progress,
                        GivenBy = string.Join(", ", leadIds.Select(id => doc.Leads!.First(l => l.Id == id).Name)),
                        SourceRow = row,
                    });
                }
            }
        }
        catch (CsvHelperException ex)
        {
            problems.Add(new ImportProblem(ex.Context?.Parser?.Row, "csv", "the CSV could not be read: " + FirstSentence(ex.Message)));
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(null, "encoding", "the file is not UTF-8 text"));
        }

        return PlanSkeleton.Finish(doc, problems);
    }

    /// <summary>Converts "Jo Bloggs &lt;jo@example.org&gt;" or a bare address to a contact.</summary>
    public static ContactDocument ParseNameAndAddress(string text)
    {
        var match = NameAndAddress().Match(text.Trim());
        return match.Success
            ? new ContactDocument { Name = match.Groups["name"].Value.Trim().Trim('"'), Email = match.Groups["email"].Value.Trim() }
            : new ContactDocument { Name = text.Trim(), Email = text.Trim() };
    }

    private static DocumentLink ParseDocument(string text)
    {
        var match = NameAndAddress().Match(text.Trim());
        return match.Success
            ? new DocumentLink { Title = match.Groups["name"].Value.Trim(), Url = match.Groups["email"].Value.Trim() }
            : new DocumentLink { Title = text.Trim() };
    }

    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > 56) slug = slug[..56].Trim('-');
        return slug.Length == 0 ? "item" : slug;
    }

    private static IEnumerable<string> SplitList(string text, char separator) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 80 ? text.Trim() : text[..77].Trim() + "...";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    [GeneratedRegex("^(?<name>[^<]*)<(?<email>[^>]+)>$")]
    private static partial Regex NameAndAddress();
}
