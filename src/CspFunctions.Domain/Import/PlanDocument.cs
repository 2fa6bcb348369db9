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

public sealed class ContactDocument
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? TeamsUserId { get; set; }
}

public sealed class PriorityDocument
{
    public string? Id { get; set; }
    public string? Title { get; set; }
}

public sealed class LeadDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<ContactDocument>? Contacts { get; set; }
    public string? DeputyLeadId { get; set; }
}

public sealed class ActionDocument
{
    public int? Number { get; set; }
    public string? PriorityId { get; set; }
    public string? Text { get; set; }
    public List<string>? LeadIds { get; set; }
    public List<DocumentLink>? Documents { get; set; }
    public bool? Restricted { get; set; }
    public string? CarriedFrom { get; set; }
    /// <summary>Where the action came from in the source (CSV row); not serialised.</summary>
    [JsonIgnore] public int? SourceRow { get; set; }
}

public sealed class DocumentLink
{
    public string? Title { get; set; }
    public string? Url { get; set; }
}

public sealed class UpdateDocument
{
    public string? RoundId { get; set; }
    public int? ActionNumber { get; set; }
    public string? Status { get; set; }
    public string? Rag { get; set; }
    public string? Text { get; set; }
    public string? GivenBy { get; set; }
    public string? Channel { get; set; }
    [JsonIgnore] public int? SourceRow { get; set; }
}
