using CspFunctions.Import;

namespace CspFunctions.Plans;

/// <summary>The format of a posted or local plan file, and reading it with the plan's details from query parameters or options.</summary>
public static class PlanFileFormat
{
    public static PlanFormat? From(string? query, string? contentType)
    {
        var hint = (query ?? "").Trim().ToLowerInvariant();
        if (hint.Length > 0) return hint switch
        {
            "json" => PlanFormat.Json,
            "csv" => PlanFormat.Csv,
            "xlsx" => PlanFormat.Xlsx,
            "docx" => PlanFormat.Docx,
            _ => null,
        };
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/json" or "text/json" => PlanFormat.Json,
            "text/csv" or "application/csv" => PlanFormat.Csv,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => PlanFormat.Xlsx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => PlanFormat.Docx,
            _ => null,
        };
    }

    /// <summary>Reads a plan file; CSV, Excel and Word take the plan's id, name, year and manager from <paramref name="options"/>,
    /// and their progress is for the round in "round", by default the plan's most recent ended quarter.</summary>
    public static PlanReading Read(PlanFormat format, Stream body, IReadOnlyDictionary<string, string> options, DateOnly today)
    {
        options.TryGetValue("year", out var yearText);
        int? year = int.TryParse(yearText, out var y) ? y : null;
        var header = new CsvPlanHeader(
            options.GetValueOrDefault("id"), options.GetValueOrDefault("name"), year,
            options.GetValueOrDefault("managerName"), options.GetValueOrDefault("managerEmail"), options.GetValueOrDefault("introduction"));
        var round = options.GetValueOrDefault("round") is { Length: > 0 } given ? given.Trim() : year is >= 2000 and <= 2200 ? ImportRound.Default(year.Value, today) : null;
        return UploadedPlanFile.ReadPlan(format, body, header, round);
    }
}
