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

    public static PlanDocument ReadCsv(TextReader reader, CsvPlanHeader header, string? roundId = null) => ReadCsvPlan(reader, header, roundId).Document;

    /// <summary>CSV is read as one table, the same way as an Excel sheet: header row anywhere in the first 20 rows, columns by name.</summary>
    public static PlanReading ReadCsvPlan(TextReader reader, CsvPlanHeader header, string? roundId)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<SourceRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = ctx => problems.Add(new ImportProblem(ctx.Context.Parser?.Row, "csv", "badly quoted field: " + Truncate(ctx.RawRecord))),
            DetectColumnCountChanges = false,
        };
        try
        {
            using var parser = new CsvParser(reader, config);
            while (parser.Read())
            {
                var record = parser.Record ?? [];
                rows.Add(new SourceRow(parser.Row, record.Select(f => SourceCell.FromText(f)).ToList()));
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
        if (problems.Count > 0) throw new PlanImportException(problems);
        if (rows.All(r => r.Cells.All(c => c.IsEmpty))) throw new PlanImportException([new ImportProblem(1, "csv", "the file is empty; a row must name the columns")]);
        return PlanTableReader.Read([new SourceTable("the CSV file", "row", rows)], header, roundId);
    }

    /// <summary>Converts "Jo Bloggs &lt;jo@example.org&gt;" or a bare address to a contact.</summary>
    public static ContactDocument ParseNameAndAddress(string text)
    {
        var match = NameAndAddress().Match(text.Trim());
        return match.Success
            ? new ContactDocument { Name = match.Groups["name"].Value.Trim().Trim('"'), Email = match.Groups["email"].Value.Trim() }
            : new ContactDocument { Name = text.Trim(), Email = text.Trim() };
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

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 80 ? text.Trim() : text[..77].Trim() + "...";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    [GeneratedRegex("^(?<name>[^<]*)<(?<email>[^>]+)>$")]
    private static partial Regex NameAndAddress();
}
