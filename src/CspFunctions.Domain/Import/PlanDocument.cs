using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Import;

/// <summary>The JSON shape of a plan file (see docs/import.md). Everything is optional here so that
/// validation, not deserialisation, reports what is missing, all at once.</summary>
public sealed class PlanDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public int? FinancialYearStart { get; set; }
    public string? TimeZone { get; set; }
    public string? Introduction { get; set; }
    public List<ContactDocument>? Managers { get; set; }
    public List<ContactDocument>? BoardMembers { get; set; }
    public List<PriorityDocument>? Priorities { get; set; }
    public List<LeadDocument>? Leads { get; set; }
    public List<ActionDocument>? Actions { get; set; }
    public List<UpdateDocument>? Updates { get; set; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
