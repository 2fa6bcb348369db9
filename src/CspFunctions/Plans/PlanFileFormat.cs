using System.Text;
using CspFunctions.Http;
using CspFunctions.Import;
using CspFunctions.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Plans;

public static class PlanFileFormat
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static PlanFormat? From(string? query, string? contentType)
    {
        var hint = (query ?? "").Trim().ToLowerInvariant();
        if (hint == "json") return PlanFormat.Json;
        if (hint == "csv") return PlanFormat.Csv;
        if (hint.Length > 0) return null;
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/json" or "text/json" => PlanFormat.Json,
            "text/csv" or "application/csv" => PlanFormat.Csv,
            _ => null,
        };
    }

    /// <summary>Reads a plan file; CSV takes the plan's id, name, year and manager from <paramref name="options"/>.</summary>
    public static PlanDocument Read(PlanFormat format, Stream body, IReadOnlyDictionary<string, string> options)
    {
        if (format == PlanFormat.Json) return PlanReader.ReadJson(body);
        using var reader = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        options.TryGetValue("year", out var yearText);
        var header = new CsvPlanHeader(
            options.GetValueOrDefault("id"), options.GetValueOrDefault("name"),
            int.TryParse(yearText, out var year) ? year : null,
            options.GetValueOrDefault("managerName"), options.GetValueOrDefault("managerEmail"), options.GetValueOrDefault("introduction"));
        return PlanReader.ReadCsv(reader, header);
    }
}
